import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph } from '../../../schema/src/composeSupergraph';
import { apiSchemaOf, loadContract, validateOperation } from '../../../schema/src/contract';
import { contractOperation } from '../../../test-support/contractOperation';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { appendEvent, typeDefs } from '../src';
import { EMPLOYEE_ID, HR_ACTOR, eventSeries, startAudit, type Caller } from './support';

/** Just enough of the employees subgraph to reach an Employee; the real one lives elsewhere. */
const employeesTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { employee(id: ID!): Employee }
  type Employee @key(fields: "id") { id: ID! firstName: String! }
`);
const employeesStub = buildSubgraphSchema({
  typeDefs: employeesTypeDefs,
  resolvers: {
    Query: {
      employee: (_root: unknown, args: { id: string }) => ({ id: args.id, firstName: 'Ada' }),
    },
  },
});

const supergraphSdl = composeSupergraph([
  { name: 'employees', typeDefs: employeesTypeDefs },
  { name: 'audit', typeDefs },
]);

const AUDIT_OPERATIONS = ['AuditLogs', 'VerifyAuditChain', 'EmployeeAuditTrail'];

describe('the front end contract', () => {
  // A schema check only, against audit composed with the employees stub above (a subgraph's
  // tests may not import another). graphql.int.test.ts runs AuditLogs and VerifyAuditChain on
  // the real subgraph, and EmployeeAuditTrail runs through a gateway below.
  it('has every audit operation, each valid against audit composed with a stub of employees', () => {
    const schema = apiSchemaOf(supergraphSdl);
    const operations = loadContract().filter((o) => o.file === 'audit.graphql');
    expect(operations.map((o) => o.name).sort()).toEqual([...AUDIT_OPERATIONS].sort());
    for (const operation of operations) expect(validateOperation(schema, operation)).toEqual([]);
  });

  it('describes every type, field and argument of the audit schema', () => {
    const schema = buildSubgraphSchema({ typeDefs });
    const own = [
      'Query',
      'Mutation',
      'AuditLogConnection',
      'AuditLogEntry',
      'AuditChainVerification',
      'AuditLogPurge',
      'AuditLogFilter',
      'PurgeAuditLogInput',
      'PageInfo',
      'Employee',
      'DateTime',
      'JSON',
    ];
    const missing: string[] = [];
    for (const name of own) {
      const type = schema.getType(name)!;
      if (!type.description && !['Query', 'Mutation'].includes(name)) missing.push(name);
      const fields = 'getFields' in type ? Object.values(type.getFields()) : [];
      for (const field of fields.filter((f) => !f.name.startsWith('_'))) {
        if (!field.description) missing.push(`${name}.${field.name}`);
        const args = 'args' in field ? field.args : [];
        for (const arg of args)
          if (!arg.description) missing.push(`${name}.${field.name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('EmployeeAuditTrail through a gateway', () => {
  const audit = suiteHarness(startAudit);
  let gateway: ApolloServer<{ authorization: string }>;

  beforeAll(async () => {
    for (const event of eventSeries(3, new Date('2025-06-01T00:00:00Z'))) {
      await appendEvent(audit.runtime.orm.em, event);
    }
    const auditSource: GraphQLDataSource<{ authorization: string }> = {
      process: async ({ request, context }) =>
        (await audit.runtime.execute(
          {
            query: request.query!,
            variables: request.variables,
            operationName: request.operationName,
          },
          { authorization: context.authorization },
        )) as never,
    };
    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl,
        buildService: ({ name }) =>
          name === 'audit' ? auditSource : new LocalGraphQLDataSource(employeesStub),
      }),
    });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
  });

  async function run(caller: Caller) {
    const authorization = `Bearer ${await audit.token(caller)}`;
    const response = await gateway.executeOperation(
      { query: contractOperation('EmployeeAuditTrail'), variables: { id: EMPLOYEE_ID } },
      { contextValue: { authorization } },
    );
    if (response.body.kind !== 'single') throw new Error('Expected a single result.');
    return response.body.singleResult;
  }

  it("gives an auditor the employee's trail, newest first", async () => {
    const result = await run({ role: 'AUDITOR' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      employee: {
        auditTrail: {
          nodes: ['02', '01', '00'].map((minute) => ({
            occurredAt: `2025-06-01T00:${minute}:00.000Z`,
            logType: 'employees.employee.created',
            actorId: HR_ACTOR,
          })),
        },
      },
    });
  });

  it('refuses the trail to HR and keeps the employee', async () => {
    const result = await run({ role: 'HR' });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The refused field is null on its own; its parent object stays. (This stock gateway
    // reports the error at the entity fetch; the platform's places it on the field.)
    expect(result.data).toEqual({ employee: { auditTrail: null } });
  });
});
