import type { EntitySchema } from '@mikro-orm/core';
import type { CataloguedHandler, CataloguedJob } from '../../../../messaging';
import { PolicyVersionSchema } from './PolicyVersionSchema';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const policyEntities: EntitySchema<any, any>[] = [PolicyVersionSchema];

export const policyHandlers: CataloguedHandler[] = [];

export const policyJobs: CataloguedJob[] = [];

export { policyResolvers } from './policyResolvers';
export { PolicyVersionSchema, type StoredPolicyVersion } from './PolicyVersionSchema';
export {
  inForceAt,
  policyInForceAt,
  readHistory,
  versionInForceAt,
  type PolicyRecord,
} from './policyHistory';
export { parseInstant } from './parseInstant';
