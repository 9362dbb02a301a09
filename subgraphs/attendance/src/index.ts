import path from 'node:path';
import { defineSubgraph, readSubgraphSdl, type SubgraphModule } from '../../../runtime';
import { createAttendancePolicies, type AttendancePolicies } from './attendancePolicies';
import { entities } from './entities';
import { migrations } from './migrations';
import { copyHandler, createLeaveHandler } from './handlers';
import { createProcessDayJob } from './jobs';
import { createLoaders, type AttendanceLoaders } from './loaders';
import { createResolvers } from './resolvers';
import { createComplianceResponder } from './responders';
import { settingsOf, type AttendanceOptions } from './settings';

export const typeDefs = readSubgraphSdl(path.join(__dirname, 'schema.graphql'));

/** The module, plus the policies it judges by (for running its processing directly). */
export interface AttendanceModule extends SubgraphModule<AttendanceLoaders> {
  readonly policies: AttendancePolicies;
}

/**
 * Attendance: check-in and check-out, manual entries and corrections, lateness against the
 * published schedule or the working pattern, and the overnight processing of each local day.
 * Keeps local copies of employees, agreements' working patterns, published shifts and
 * approved leave, and of compliance's ATTENDANCE policy versions, fed by events, so it keeps
 * working while their owners are down. Version 1 of the policy is `options.settings` (by
 * default the ATTENDANCE_* variables).
 */
export function createAttendance(options: AttendanceOptions = {}): AttendanceModule {
  const settings = settingsOf(options);
  const policies = createAttendancePolicies(settings);
  const module = defineSubgraph<AttendanceLoaders>({
    name: 'attendance',
    typeDefs,
    resolvers: createResolvers(policies),
    entities,
    migrations,
    loaders: createLoaders(policies),
    eventHandlers: [copyHandler, createLeaveHandler(policies), policies.copies.handler],
    responders: [createComplianceResponder(policies)],
    jobs: [createProcessDayJob(policies)],
    checkSettings: () => void settings(),
  });
  return { ...module, policies };
}

/** The attendance subgraph with the settings of the environment. */
export const attendance = createAttendance();

export type { AttendanceLoaders, AttendanceOptions };
export { PROCESS_DAY_JOB, createProcessDayJob, planProcessDay, runProcessDay } from './jobs';
