import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Employee } from './entities';
import { forbiddenTo } from './errors';
import { EmployeeService, type EmployeeContext } from './EmployeeService';
import type { Money } from './inputs';
import { assertCanReadDirectory, canRead, type Access } from './permissions';
import type { EmployeeFilter } from './queries';
import { DateScalar, DateTimeScalar, idQueries, inputMutations } from '../../../runtime';

interface PageArgs {
  first: number;
  after?: string | null;
  filter?: EmployeeFilter | null;
}

/**
 * A field only some callers may read: the check runs per employee, on every
 * path (queries, mutations, entity references), and a refusal is an error on
 * this field alone.
 */
function guarded<T>(access: Access, read: (employee: Employee, ctx: EmployeeContext) => T) {
  return async (
    employee: Employee,
    _args: unknown,
    ctx: EmployeeContext,
    info: GraphQLResolveInfo,
  ) => {
    const chain = (id: string) => ctx.loaders.managerChain.load(id);
    if (!(await canRead(access, ctx.identity, employee.id, chain)))
      throw forbiddenTo(`You may not read ${info.fieldName} of this employee.`);
    return read(employee, ctx);
  };
}

const personal = <K extends keyof Employee>(field: K) =>
  guarded('personal', (employee) => employee[field]);

function unseal<T>(
  sealed: string | null | undefined,
  ctx: EmployeeContext,
  parse: (s: string) => T,
) {
  return sealed == null ? null : parse(ctx.cipher.decrypt(sealed));
}

/** The resolvers: each checks who may, then asks the service or the loaders. */
export function createResolvers(now: () => Date): GraphQLResolverMap<EmployeeContext> {
  const service = (ctx: EmployeeContext) => new EmployeeService(ctx, now);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      ...idQueries(service, { employee: 'get', verifyEmployee: 'verify' }),
      me: (_root, _args, ctx: EmployeeContext) => service(ctx).me(),
      departments: (_root, _args, ctx: EmployeeContext) => service(ctx).departments(),
      employees: (_root, args: PageArgs, ctx: EmployeeContext) =>
        service(ctx).list(args.first, args.after, args.filter ?? {}),
    },
    Mutation: inputMutations(service, {
      createEmployee: 'create',
      updateEmployee: 'update',
      changeEmployeeStatus: 'changeStatus',
      assignManager: 'assignManager',
      terminateEmployee: 'terminate',
      withdrawTermination: 'withdrawTermination',
    }),
    Employee: {
      // Other subgraphs' references pass the same checks as a query, one reference at a time.
      __resolveReference: async (reference: { id: string }, ctx: EmployeeContext) => {
        assertCanReadDirectory(ctx.identity);
        return ctx.loaders.byId.load(reference.id);
      },
      phone: guarded('personal', (employee, ctx) => unseal(employee.phoneSealed, ctx, String)),
      grade: personal('grade'),
      employmentType: personal('employmentType'),
      hireDate: personal('hireDate'),
      terminationDate: personal('terminationDate'),
      location: personal('location'),
      timeZone: personal('timeZone'),
      version: personal('version'),
      createdAt: personal('createdAt'),
      updatedAt: personal('updatedAt'),
      salary: guarded('salary', (employee, ctx) =>
        unseal(employee.salarySealed, ctx, (plain) => JSON.parse(plain) as Money),
      ),
      manager: (employee: Employee, _args, ctx: EmployeeContext) =>
        employee.managerId ? ctx.loaders.byId.load(employee.managerId) : null,
      directReports: (employee: Employee, _args, ctx: EmployeeContext) =>
        ctx.loaders.directReports.load(employee.id),
      reports: (employee: Employee, args: PageArgs, ctx: EmployeeContext) =>
        service(ctx).list(args.first, args.after, { ...args.filter, reportsTo: employee.id }),
    },
  };
}
