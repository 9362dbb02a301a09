import path from 'node:path';
import { defineSubgraph } from '../../../runtime/src/subgraph/SubgraphModule';
import { readSubgraphSdl } from '../../../runtime/src/subgraph/readSubgraphSdl';
import { policyCopies } from './attendancePolicy';
import { complianceResponder } from './complianceResponder';
import { entities } from './entities';
import { copyHandler, leaveHandler } from './handlers';
import { processDayJob } from './job';
import { createLoaders, type AttendanceLoaders } from './loaders';
import { resolvers } from './resolvers';
import { settings } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/**
 * Attendance: check-in and check-out, manual entries and corrections, lateness against the
 * published schedule or the working pattern, and the overnight processing of each local day.
 * Keeps local copies of employees, agreements' working patterns, published shifts and
 * approved leave, and of compliance's ATTENDANCE policy versions, fed by events, so it keeps
 * working while their owners are down.
 */
export const attendance = defineSubgraph<AttendanceLoaders>({
  name: 'attendance',
  typeDefs,
  resolvers,
  entities,
  loaders: createLoaders,
  eventHandlers: [copyHandler, leaveHandler, policyCopies.handler],
  responders: [complianceResponder],
  jobs: [processDayJob],
  checkSettings: () => void settings(),
});

export type { AttendanceLoaders };
export {
  applyAgreementEvent,
  applyEmployeeEvent,
  applyLeaveEvent,
  applyScheduleEvent,
} from './handlers';
export { PROCESS_DAY_JOB, planProcessDay, processDayJob, runProcessDay } from './job';
export { processDay } from './processing';
export { policyCopies } from './attendancePolicy';
export { checkAttendanceDay } from './complianceResponder';
