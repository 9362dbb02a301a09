import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { entities } from './entities';
import { migrations } from './migrations';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type TimeLoaders } from './loaders';
import { createComplianceResponder } from './responders';
import { createResolvers } from './resolvers';
import { settingsOf, type TimeOptions } from './settings';
import { createWorkingTimePolicies } from './workingTimePolicies';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/**
 * Time entries and schedules ("TimeCard"), with local copies of employees' reporting lines
 * and of compliance's WORKING_TIME policy versions, whose version 1 is `options.settings`
 * (by default the TIME_* variables).
 */
export function createTime(options: TimeOptions = {}): SubgraphModule<TimeLoaders> {
  const settings = settingsOf(options);
  const policies = createWorkingTimePolicies(settings);
  return defineSubgraph<TimeLoaders>({
    name: 'time',
    typeDefs,
    resolvers: createResolvers(policies),
    entities,
    migrations,
    loaders: createLoaders,
    eventHandlers: [employeeCopyHandler, policies.copies.handler],
    responders: [createComplianceResponder(policies)],
    // The working-time rules' limits: a bad value stops the start, naming its variable.
    checkSettings: () => void settings(),
  });
}

/** The time subgraph with the settings of the environment. */
export const time = createTime();

export type { TimeLoaders, TimeOptions };
