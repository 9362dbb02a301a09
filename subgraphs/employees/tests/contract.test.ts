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

  it('describes every type, field, argument and enum value of its SDL', () => {
    const missing: string[] = [];
    const check = (node: { description?: unknown }, name: string) => {
      if (!node.description) missing.push(name);
    };
    for (const definition of employees.typeDefs.definitions) {
      if (!('name' in definition) || !definition.name) continue;
      const type = definition.name.value;
      if (!['Query', 'Mutation'].includes(type))
        check(definition as { description?: unknown }, type);
      const fields = 'fields' in definition ? (definition.fields ?? []) : [];
      for (const field of fields) {
        check(field, `${type}.${field.name.value}`);
        const args = 'arguments' in field ? (field.arguments ?? []) : [];
        for (const arg of args) check(arg, `${type}.${field.name.value}(${arg.name.value})`);
      }
      const values = 'values' in definition ? (definition.values ?? []) : [];
      for (const value of values) check(value, `${type}.${value.name.value}`);
    }
    expect(missing).toEqual([]);
  });
});
