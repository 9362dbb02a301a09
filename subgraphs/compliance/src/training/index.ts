import type { EntitySchema } from '@mikro-orm/core';
import type { EventHandlerDefinition, JobDefinition } from '../../../../messaging/src/types';
import type { ComplianceDeps, ComplianceResolvers } from '../context';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const trainingEntities: EntitySchema<any, any>[] = [];

export const trainingHandlers: EventHandlerDefinition[] = [];

export const trainingJobs: JobDefinition[] = [];

export const trainingResolvers = (deps: ComplianceDeps): ComplianceResolvers => (deps ? {} : {});
