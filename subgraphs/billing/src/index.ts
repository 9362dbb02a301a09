import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { ledgerHandler } from './handlers';
import { closeDayJob } from './jobs';
import { createLoaders, type BillingLoaders } from './loaders';
import { createResolvers } from './resolvers';
import { billingSettings, type BillingOptions } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The money: rate cards, a double-entry ledger of time costs, statements and the daily close. */
export function createBilling(options: BillingOptions = {}): SubgraphModule<BillingLoaders> {
  return defineSubgraph<BillingLoaders>({
    name: 'billing',
    typeDefs,
    resolvers: createResolvers(billingSettings(options)),
    entities,
    migrations,
    loaders: createLoaders,
    eventHandlers: [ledgerHandler],
    jobs: [closeDayJob],
  });
}

export const billing = createBilling();

export type { BillingLoaders, BillingOptions };
export { applyEvent } from './handlers';
export { closeDay } from './closeDay';
export { closeDayJob, CLOSE_JOB } from './jobs';
export { DAY_CLOSED, RATE_CARD_SET } from './events';
export { assessEntry, costEntry, RateBook } from './costing';
