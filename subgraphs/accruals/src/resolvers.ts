import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AccrualType } from './entities';
import { AccrualsService, type AccrualsContext } from './AccrualsService';
import { DateScalar } from '../../../runtime';

const service = (ctx: AccrualsContext) => new AccrualsService(ctx);

interface EmployeeRef {
  id: string;
}

export const resolvers: GraphQLResolverMap<AccrualsContext> = {
  Date: DateScalar,
  Query: {
    accrualsConsistency: (_root, args: { correlationId: string }, ctx: AccrualsContext) =>
      service(ctx).consistency(args.correlationId),
    accrualBalance: (
      _root,
      args: { employeeId: string; accrualType: AccrualType; on?: string | null },
      ctx: AccrualsContext,
    ) => service(ctx).balance(args.employeeId, args.accrualType, args.on),
  },
  Employee: {
    // A reference costs nothing here: each field checks access per employee.
    __resolveReference: (reference: EmployeeRef) => ({ id: reference.id }),
    accruals: (employee: EmployeeRef, args: { on: string }, ctx: AccrualsContext) =>
      service(ctx).summary(employee.id, args.on),
    accrualDays: (
      employee: EmployeeRef,
      args: { type: AccrualType; from: string; to: string },
      ctx: AccrualsContext,
    ) => service(ctx).days(employee.id, args.type, args.from, args.to),
    unassignedAccrualEntries: (employee: EmployeeRef, _args: unknown, ctx: AccrualsContext) =>
      service(ctx).unassigned(employee.id),
  },
};
