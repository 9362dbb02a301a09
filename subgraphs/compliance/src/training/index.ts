import type { EntitySchema } from '@mikro-orm/core';
import type { EventHandlerDefinition, JobDefinition } from '../../../../messaging/src/types';
import type { ComplianceDeps } from '../context';
import { departmentJoinerHandler } from './departments';
import { trainingEntitySchemas } from './entities';
import { trainingReminderJob } from './reminders';

export { trainingResolvers } from './resolvers';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const trainingEntities: EntitySchema<any, any>[] = trainingEntitySchemas;

/** Joiners of a department get the courses assigned to it. */
export const trainingHandlers = (deps: ComplianceDeps): EventHandlerDefinition[] => [
  departmentJoinerHandler(deps),
];

/** The daily reminders (and department catch-up). */
export const trainingJobs = (deps: ComplianceDeps): JobDefinition[] => [trainingReminderJob(deps)];
