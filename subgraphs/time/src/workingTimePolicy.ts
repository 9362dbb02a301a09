import type { EntityManager } from '@mikro-orm/core';
import {
  SINGLE_KEY,
  createPolicyCopies,
  type PolicyKind,
  type PolicyVersion,
  type RulesOf,
} from '../../../runtime/src/policies';
import { PolicyCopySchema } from './entities';
import { settings } from './settings';

/**
 * Time's copy of compliance's WORKING_TIME policy. Version 1 is the deployment's TIME_*
 * settings, so a deployment that never changes the policy behaves as before.
 */
export const policyCopies = createPolicyCopies({
  schema: PolicyCopySchema,
  kinds: ['WORKING_TIME'],
  defaults: <K extends PolicyKind>() => settings() as RulesOf[K],
});

/** The WORKING_TIME version in force at `at` (a write is judged at its own moment). */
export const workingTimeAt = (
  em: EntityManager,
  at: Date,
): Promise<PolicyVersion<'WORKING_TIME'>> =>
  policyCopies.inForce(em, 'WORKING_TIME', SINGLE_KEY, at);
