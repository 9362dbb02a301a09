import type { EntityManager } from '@mikro-orm/core';
import {
  createSettingsPolicyCopies,
  type PolicyCopies,
  type PolicyVersion,
  SINGLE_KEY,
} from '../../../runtime';
import { PolicyCopySchema } from './entities';
import type { TimeSettings } from './settings';

/** The WORKING_TIME policy time decides with: its copy and the version in force. */
export interface WorkingTimePolicies {
  /** Time's copy of compliance's WORKING_TIME versions, with its consumer. */
  copies: PolicyCopies;
  /** The version in force at `at` (a write is judged at its own moment). */
  at(em: EntityManager, at: Date): Promise<PolicyVersion<'WORKING_TIME'>>;
}

/** Version 1 is the module's settings (the deployment's TIME_* variables). */
export function createWorkingTimePolicies(settings: () => TimeSettings): WorkingTimePolicies {
  const copies = createSettingsPolicyCopies(PolicyCopySchema, 'WORKING_TIME', settings);
  return { copies, at: (em, at) => copies.inForce(em, 'WORKING_TIME', SINGLE_KEY, at) };
}
