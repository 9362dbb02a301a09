import { buildSubgraphSchema } from '@apollo/subgraph';
import { validate } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { employees } from '../src';

const schema = buildSubgraphSchema({
  typeDefs: employees.typeDefs,
  resolvers: employees.resolvers as never,
});

// TeamDashboard also selects fields other subgraphs add to Employee.
const ours = loadContract().filter(
  (o) => o.file === 'employees.graphql' && o.name !== 'TeamDashboard',
);

describe('employees schema', () => {
  it('serves the contract operations', () => {
    expect(ours.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Me', 'EmployeeDirectory', 'EmployeeProfile', 'CreateEmployee']),
    );
  });

  it.each(ours.map((o) => [o.name, o] as const))('validates %s', (_name, operation) => {
    expect(validate(schema, operation.document)).toEqual([]);
  });
});
