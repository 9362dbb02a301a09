import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { entities } from './entities';
import { ledgerHandler } from './handlers';
import { createLoaders, type AccrualsLoaders } from './loaders';
import { resolvers } from './resolvers';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** Balances against agreements' targets, kept from time, agreements and employees events. */
export const accruals = defineSubgraph<AccrualsLoaders>({
  name: 'accruals',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
  eventHandlers: [ledgerHandler],
});

export type { AccrualsLoaders };
export { applyEvent } from './handlers';
