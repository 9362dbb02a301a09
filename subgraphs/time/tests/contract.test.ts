import { buildSubgraphSchema } from '@apollo/subgraph';
import { validate } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { time } from '../src';

const ours = loadContract().filter((o) => o.file === 'time.graphql');

// Validation against the supergraph is schema/tests/contract.test.ts's; these
// checks need only this subgraph.
describe('time schema', () => {
  it('serves every contract operation of time.graphql', () => {
    expect(ours.map((o) => o.name).sort()).toEqual([
      'AmendTimeEntry',
      'DeleteTimeEntry',
      'PublishSchedule',
      'RecordTimeEntry',
      'Schedule',
      'Timecard',
    ]);
  });

  it('validates the mutations against the subgraph alone', () => {
    const schema = buildSubgraphSchema({
      typeDefs: time.typeDefs,
      resolvers: time.resolvers as never,
    });
    for (const operation of ours.filter((o) => !['Timecard', 'Schedule'].includes(o.name)))
      expect(validate(schema, operation.document)).toEqual([]);
  });

  it('describes every type, field, argument and enum value of its SDL', () => {
    const missing: string[] = [];
    const check = (node: { description?: unknown }, name: string) => {
      if (!node.description) missing.push(name);
    };
    for (const definition of time.typeDefs.definitions) {
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
