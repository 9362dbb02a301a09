import { parse } from 'graphql';
import { defineSubgraph } from '../../src/subgraph/SubgraphModule';

/** The smallest subgraph: one query answering 'pong', no entities. */
export const pingSubgraph = defineSubgraph({
  name: 'ping',
  typeDefs: parse('type Query { ping: String }'),
  resolvers: { Query: { ping: () => 'pong' } },
  entities: [],
});
