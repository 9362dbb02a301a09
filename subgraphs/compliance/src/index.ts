import path from 'node:path';
import { defineSubgraph, type SubgraphModule } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import type { ComplianceDeps } from './context';
import { entities } from './entities';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type ComplianceLoaders } from './loaders';
import { policyHandlers, policyJobs } from './policies';
import { createResolvers } from './resolvers';
import { readComplianceSettings } from './settings';
import { trainingHandlers, trainingJobs } from './training';
import { violationHandlers, violationJobs } from './violations';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

export type ComplianceOptions = Partial<ComplianceDeps>;

/**
 * Compliance: the policies leave, attendance and time decide with (versioned and
 * effective-dated), the violations found after the fact, and the training that falls due.
 */
export function createCompliance(
  options: ComplianceOptions = {},
): SubgraphModule<ComplianceLoaders> {
  const deps: ComplianceDeps = {
    now: options.now ?? (() => new Date()),
    trainingReminderDays:
      options.trainingReminderDays ?? readComplianceSettings().trainingReminderDays,
  };
  return defineSubgraph<ComplianceLoaders>({
    name: 'compliance',
    typeDefs,
    resolvers: createResolvers(deps),
    entities,
    loaders: createLoaders,
    eventHandlers: [
      employeeCopyHandler,
      ...policyHandlers,
      ...violationHandlers(deps),
      ...trainingHandlers(deps),
    ],
    jobs: [...policyJobs, ...violationJobs, ...trainingJobs(deps)],
    checkSettings: () => void readComplianceSettings(),
  });
}

/** The compliance subgraph with the settings of the environment. */
export const compliance = createCompliance();

export type { ComplianceLoaders };
export { applyEmployeeEvent } from './handlers';
