import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type ComplianceLoaders } from './loaders';
import { policyHandlers, policyJobs } from './policies';
import { createResolvers } from './resolvers';
import { complianceSettings, readTrainingReminderDays, type ComplianceOptions } from './settings';
import { trainingHandlers, trainingJobs } from './training';
import { violationHandlers, violationJobs } from './violations';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/**
 * Compliance: the policies leave, attendance and time decide with (versioned and
 * effective-dated), the violations found after the fact, and the training that falls due.
 */
export function createCompliance(
  options: ComplianceOptions = {},
): SubgraphModule<ComplianceLoaders> {
  const settings = complianceSettings(options);
  return defineSubgraph<ComplianceLoaders>({
    name: 'compliance',
    typeDefs,
    resolvers: createResolvers(settings),
    entities,
    migrations,
    loaders: createLoaders,
    eventHandlers: [
      employeeCopyHandler,
      ...policyHandlers,
      ...violationHandlers(settings),
      ...trainingHandlers(settings),
    ],
    jobs: [...policyJobs, ...violationJobs, ...trainingJobs(settings)],
    checkSettings: () => void readTrainingReminderDays(),
  });
}

/** The compliance subgraph with the settings of the environment. */
export const compliance = createCompliance();

export type { ComplianceLoaders, ComplianceOptions };
export { applyEmployeeEvent } from './handlers';
