import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { agreementCopyHandler, employeeCopyHandler } from './handlers';
import { createLeavePolicies } from './leavePolicies';
import { createLoaders, type LeaveLoaders } from './loaders';
import { createResolvers } from './resolvers';
import { leaveComplianceResponder } from './responders';
import { leaveConfig, type LeaveOptions } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/**
 * Leave (absences): types and policies, day counting, balances, the approval workflow,
 * with local copies of employees, agreements and compliance's LEAVE policies fed by their
 * events. Version 1 of each policy is `options.policies` over the defaults.
 */
export function createLeave(options: LeaveOptions = {}): SubgraphModule<LeaveLoaders> {
  const config = leaveConfig(options);
  const policies = createLeavePolicies(config);
  const settings = { config, policies, now: options.now ?? (() => new Date()) };
  return defineSubgraph<LeaveLoaders>({
    name: 'leave',
    typeDefs,
    resolvers: createResolvers(settings),
    entities,
    migrations,
    loaders: createLoaders,
    eventHandlers: [employeeCopyHandler, agreementCopyHandler, policies.handler],
    responders: [leaveComplianceResponder(settings)],
  });
}

/** The leave subgraph with the default policies. */
export const leave = createLeave();

export type { LeaveLoaders, LeaveOptions };
export { applyAgreementEvent, applyEmployeeEvent } from './handlers';
export { leaveConfig } from './settings';
