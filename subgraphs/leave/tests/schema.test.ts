import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { subgraphPart } from '../../../test-support/contractOperation';
import { loadContract } from '../../../schema/src/contract';
import { leave } from '../src';

const ours = loadContract()
  .filter((o) => o.file === 'leave.graphql')
  .map((o) => o.name);

const schema = buildSubgraphSchema({
  typeDefs: leave.typeDefs,
  resolvers: leave.resolvers as never,
});

// Validation against the supergraph is schema/tests/contract.test.ts's; these
// checks need only this subgraph.
describe('leave schema', () => {
  it('holds these contract operations in leave.graphql', () => {
    expect([...ours].sort()).toEqual([
      'ApproveLeave',
      'CancelLeave',
      'LeaveBalances',
      'LeaveHistory',
      'PendingLeaveApprovals',
      'RejectLeave',
      'RequestLeave',
    ]);
  });

  it.each(ours)('serves its part of %s', (name) => {
    const { query, leftOut } = subgraphPart(name, schema);
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    // Only the names of the people a manager approves for come from another subgraph.
    expect(leftOut).toEqual(
      name === 'PendingLeaveApprovals' ? ['Employee.firstName', 'Employee.lastName'] : [],
    );
  });
});
