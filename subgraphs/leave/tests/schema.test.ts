import { buildSubgraphSchema } from '@apollo/subgraph';
import { validate } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { leave } from '../src';

const ours = loadContract().filter((o) => o.file === 'leave.graphql');

// Validation against the supergraph is schema/tests/contract.test.ts's; these
// checks need only this subgraph.
describe('leave schema', () => {
  it('serves every contract operation of leave.graphql', () => {
    expect(ours.map((o) => o.name).sort()).toEqual([
      'ApproveLeave',
      'CancelLeave',
      'LeaveBalances',
      'LeaveHistory',
      'PendingLeaveApprovals',
      'RejectLeave',
      'RequestLeave',
    ]);
  });

  it('validates the mutations against the subgraph alone', () => {
    const schema = buildSubgraphSchema({
      typeDefs: leave.typeDefs,
      resolvers: leave.resolvers as never,
    });
    for (const operation of ours.filter((o) =>
      o.document.definitions.some((d) => 'operation' in d && d.operation === 'mutation'),
    ))
      expect(validate(schema, operation.document)).toEqual([]);
  });
});
