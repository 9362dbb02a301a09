import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { entities } from './entities';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type TimeLoaders } from './loaders';
import { resolvers } from './resolvers';
import { settings } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** Time entries and schedules ("TimeCard"), with a local copy of employees' reporting lines. */
export const time = defineSubgraph<TimeLoaders>({
  name: 'time',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
  eventHandlers: [employeeCopyHandler],
  // The working-time rules' limits: a bad value stops the start, naming its variable.
  checkSettings: () => void settings(),
});

export type { TimeLoaders };
export { applyEmployeeEvent } from './handlers';
