import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { entities } from './entities';
import { complianceResponder } from './complianceResponder';
import { employeeCopyHandler } from './handlers';
import { createLoaders, type TimeLoaders } from './loaders';
import { resolvers } from './resolvers';
import { settings } from './settings';
import { policyCopies } from './workingTimePolicy';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/**
 * Time entries and schedules ("TimeCard"), with local copies of employees' reporting lines
 * and of compliance's WORKING_TIME policy versions.
 */
export const time = defineSubgraph<TimeLoaders>({
  name: 'time',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
  eventHandlers: [employeeCopyHandler, policyCopies.handler],
  responders: [complianceResponder],
  // The working-time rules' limits: a bad value stops the start, naming its variable.
  checkSettings: () => void settings(),
});

export type { TimeLoaders };
export { applyEmployeeEvent } from './handlers';
export { policyCopies } from './workingTimePolicy';
export { checkTimeEntry } from './complianceResponder';
