import type { EntityManager } from '@mikro-orm/core';
import {
  SINGLE_KEY,
  createPolicyCopies,
  defaultVersion,
  type PolicyKind,
  type PolicyVersion,
  type RulesOf,
} from '../../../runtime/src/policies';
import { PolicyCopySchema } from './entities';
import { settings } from './settings';

export type AttendancePolicy = PolicyVersion<'ATTENDANCE'>;

/** The version in force at an instant. */
export type PolicyAt = (at: Date) => AttendancePolicy;

/**
 * Attendance's copy of compliance's ATTENDANCE policy. Version 1 is the deployment's
 * ATTENDANCE_* settings, so a deployment that never changes the policy behaves as before.
 */
export const policyCopies = createPolicyCopies({
  schema: PolicyCopySchema,
  kinds: ['ATTENDANCE'],
  defaults: <K extends PolicyKind>() => settings() as RulesOf[K],
});

/**
 * Every ATTENDANCE version, read once, as the version in force at any instant (the rule of
 * `policyCopies.inForce`). Processing judges each person's day start and first check-in,
 * so one read per run rather than one per person keeps its queries flat.
 */
export async function attendancePolicies(em: EntityManager): Promise<PolicyAt> {
  const copies = await em.find(
    PolicyCopySchema,
    { kind: 'ATTENDANCE', key: SINGLE_KEY },
    { orderBy: { effectiveFrom: 'desc', version: 'desc' } },
  );
  const first = defaultVersion('ATTENDANCE', SINGLE_KEY, settings());
  const versions: AttendancePolicy[] = copies.map((copy) => ({
    kind: 'ATTENDANCE',
    key: SINGLE_KEY,
    version: copy.version,
    effectiveFrom: copy.effectiveFrom,
    rules: copy.rules as RulesOf['ATTENDANCE'],
  }));
  return (at) => versions.find((v) => v.effectiveFrom.getTime() <= at.getTime()) ?? first;
}
