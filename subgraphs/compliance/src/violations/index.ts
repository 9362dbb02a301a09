import type { EntitySchema } from '@mikro-orm/core';
import type { CataloguedHandler, CataloguedJob } from '../../../../messaging';
import type { ComplianceSettings } from '../settings';
import { LateArrivalSchema, ViolationSchema } from './entities';
import { violationHandler } from './handlers';

// Each EntitySchema has its own generics; the ORM takes any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const violationEntities: EntitySchema<any, any>[] = [ViolationSchema, LateArrivalSchema];

/** Violations are found in other domains' events, on compliance's clock. */
export const violationHandlers = (
  settings: Pick<ComplianceSettings, 'now'>,
): CataloguedHandler[] => [violationHandler(settings)];

export const violationJobs: CataloguedJob[] = [];

export { violationResolvers } from './resolvers';
export { policyAt } from './policyAt';
