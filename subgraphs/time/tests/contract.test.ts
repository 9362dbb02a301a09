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
});
