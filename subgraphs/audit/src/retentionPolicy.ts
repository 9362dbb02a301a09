import type { EntityManager } from '@mikro-orm/core';
import {
  SINGLE_KEY,
  createPolicyCopies,
  defaultRules,
  type PolicyKind,
  type RulesOf,
} from '../../../runtime/src/policies';
import { PolicyCopySchema } from './entities';
import { retentionDays } from './retentionDays';

/**
 * Audit's copy of the RETENTION policy. Version 1 is RETENTION_DAYS as the audit process
 * reads it, so without a change by HR the purge keeps what it always kept.
 */
export const retentionPolicy = createPolicyCopies({
  schema: PolicyCopySchema,
  kinds: ['RETENTION'],
  defaults: <K extends PolicyKind>(kind: K, key: string) =>
    (kind === 'RETENTION'
      ? { auditRetentionDays: retentionDays() }
      : defaultRules(kind, key)) as RulesOf[K],
});

/** The days an entry is kept under the RETENTION version in force at `at`. */
export async function retentionDaysAt(em: EntityManager, at: Date): Promise<number> {
  const version = await retentionPolicy.inForce(em, 'RETENTION', SINGLE_KEY, at);
  return version.rules.auditRetentionDays;
}
