import path from 'node:path';
import { defineSubgraph, type SubgraphModule } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { entities } from './entities';
import { agreementCopyHandler, employeeCopyHandler } from './handlers';
import { createLoaders, type LeaveLoaders } from './loaders';
import { leaveConfig, type LeaveConfigOverrides } from './policies';
import { createResolvers } from './resolvers';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

export interface LeaveOptions extends LeaveConfigOverrides {
  /** The clock "today" and notice periods are measured from (default: the system clock). */
  now?: () => Date;
}

/**
 * Leave (absences): types and policies, day counting, balances, the approval workflow,
 * with local copies of employees and agreements fed by their events.
 */
export function createLeave(options: LeaveOptions = {}): SubgraphModule<LeaveLoaders> {
  const config = leaveConfig(options);
  return defineSubgraph<LeaveLoaders>({
    name: 'leave',
    typeDefs,
    resolvers: createResolvers({ config, now: options.now ?? (() => new Date()) }),
    entities,
    loaders: createLoaders,
    eventHandlers: [employeeCopyHandler, agreementCopyHandler],
  });
}

/** The leave subgraph with the default policies. */
export const leave = createLeave();

export type { LeaveLoaders };
export { applyAgreementEvent, applyEmployeeEvent } from './handlers';
export { DEFAULT_POLICIES, LEAVE_TYPES, leaveConfig } from './policies';
