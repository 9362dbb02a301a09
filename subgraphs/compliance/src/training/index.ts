import type { EntitySchema } from '@mikro-orm/core';
import type { CataloguedHandler, CataloguedJob } from '../../../../messaging';
import type { ComplianceSettings } from '../settings';
import { departmentJoinerHandler } from './departments';
import { trainingEntitySchemas } from './entities';
import { trainingReminderJob } from './reminders';

export { trainingResolvers } from './resolvers';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const trainingEntities: EntitySchema<any, any>[] = trainingEntitySchemas;

/** Joiners of a department get the courses assigned to it. */
export const trainingHandlers = (settings: ComplianceSettings): CataloguedHandler[] => [
  departmentJoinerHandler(settings),
];

/** The daily reminders (and department catch-up). */
export const trainingJobs = (settings: ComplianceSettings): CataloguedJob[] => [
  trainingReminderJob(settings),
];
