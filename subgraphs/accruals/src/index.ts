import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { createLedgerHandler } from './handlers';
import { createLoaders, type AccrualsLoaders } from './loaders';
import { resolvers } from './resolvers';
import { createBalanceStatusJob } from './jobs';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

export interface AccrualsOptions {
  /** The clock whose local day the balances' status is checked on (tests pin it). */
  now?: () => Date;
}

/**
 * Balances against agreements' targets, kept from time, agreements and employees events,
 * and the status of each against its expected share, checked on every change and daily.
 */
export function createAccruals(options: AccrualsOptions = {}): SubgraphModule<AccrualsLoaders> {
  const now = options.now ?? (() => new Date());
  return defineSubgraph<AccrualsLoaders>({
    name: 'accruals',
    typeDefs,
    resolvers,
    entities,
    migrations,
    loaders: createLoaders,
    eventHandlers: [createLedgerHandler(now)],
    jobs: [createBalanceStatusJob(now)],
  });
}

export const accruals = createAccruals();

export type { AccrualsLoaders };
export { applyEvent } from './handlers';
export { checkEmployeeStatus } from './balanceStatus';
export { BALANCE_CHANGED, BALANCE_STATUS_CHANGED, type AccrualsDraft } from './events';
export { BALANCE_STATUS_JOB, checkAllStatuses, createBalanceStatusJob } from './jobs';
