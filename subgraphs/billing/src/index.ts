import path from 'node:path';
import { defineSubgraph, type SubgraphModule } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { closeDayJob } from './close';
import { entities } from './entities';
import { ledgerHandler } from './handlers';
import { createLoaders, type BillingLoaders } from './loaders';
import { createResolvers } from './resolvers';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

export interface BillingOptions {
  /** The clock rate cards and closes are checked against (tests pin it). */
  now?: () => Date;
}

/** The money: rate cards, a double-entry ledger of time costs, statements and the daily close. */
export function createBilling(options: BillingOptions = {}): SubgraphModule<BillingLoaders> {
  return defineSubgraph<BillingLoaders>({
    name: 'billing',
    typeDefs,
    resolvers: createResolvers(options.now ?? (() => new Date())),
    entities,
    loaders: createLoaders,
    eventHandlers: [ledgerHandler],
    jobs: [closeDayJob],
  });
}

export const billing = createBilling();

export type { BillingLoaders };
export { applyEvent } from './handlers';
export { closeDay, closeDayJob, CLOSE_JOB, DAY_CLOSED } from './close';
export { ensureLedgerGuards } from './guards';
export { assessEntry, costEntry, RateBook } from './costing';
export { RATE_CARD_SET } from './BillingService';
