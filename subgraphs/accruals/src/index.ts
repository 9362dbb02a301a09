import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { entities } from './entities';
import { ledgerHandler } from './handlers';
import { createLoaders, type AccrualsLoaders } from './loaders';
import { resolvers } from './resolvers';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

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
