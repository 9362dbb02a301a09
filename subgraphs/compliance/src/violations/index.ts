import type { EntitySchema } from '@mikro-orm/core';
import type { EventHandlerDefinition, JobDefinition } from '../../../../messaging/src/types';
import type { ComplianceDeps, ComplianceResolvers } from '../context';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const violationEntities: EntitySchema<any, any>[] = [];

export const violationHandlers: EventHandlerDefinition[] = [];

export const violationJobs: JobDefinition[] = [];

export const violationResolvers = (deps: ComplianceDeps): ComplianceResolvers => (deps ? {} : {});
