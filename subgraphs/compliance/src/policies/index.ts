import type { EntitySchema } from '@mikro-orm/core';
import type { EventHandlerDefinition, JobDefinition } from '../../../../messaging/src/types';
import type { ComplianceDeps, ComplianceResolvers } from '../context';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const policyEntities: EntitySchema<any, any>[] = [];

export const policyHandlers: EventHandlerDefinition[] = [];

export const policyJobs: JobDefinition[] = [];

export const policyResolvers = (deps: ComplianceDeps): ComplianceResolvers => (deps ? {} : {});
