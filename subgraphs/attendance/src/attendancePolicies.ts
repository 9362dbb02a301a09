import type { EntityManager } from '@mikro-orm/core';
import {
  createSettingsPolicyCopies,
  defaultVersion,
  type PolicyCopies,
  type PolicyVersion,
  type RulesOf,
  SINGLE_KEY,
} from '../../../runtime';
import { PolicyCopySchema } from './entities';
import type { AttendanceSettings } from './settings';

export type AttendancePolicy = PolicyVersion<'ATTENDANCE'>;

/** The version in force at an instant. */
export type PolicyAt = (at: Date) => AttendancePolicy;

/** The ATTENDANCE policy attendance decides with: its copy and the versions in force. */
export interface AttendancePolicies {
  /** Attendance's copy of compliance's ATTENDANCE versions, with its consumer. */
  copies: PolicyCopies;
  /**
   * Every version, read once, as the version in force at any instant (the rule of
   * `copies.inForce`). Processing judges each person's day start and first check-in, so one
   * read per run rather than one per person keeps its queries flat.
   */
  read(em: EntityManager): Promise<PolicyAt>;
}

/** Version 1 is the module's settings (the deployment's ATTENDANCE_* variables). */
export function createAttendancePolicies(settings: () => AttendanceSettings): AttendancePolicies {
  const copies = createSettingsPolicyCopies(PolicyCopySchema, 'ATTENDANCE', settings);
  async function read(em: EntityManager): Promise<PolicyAt> {
    const rows = await em.find(
      PolicyCopySchema,
      { kind: 'ATTENDANCE', key: SINGLE_KEY },
      { orderBy: { effectiveFrom: 'desc', version: 'desc' } },
    );
    const first = defaultVersion('ATTENDANCE', SINGLE_KEY, settings());
    const versions: AttendancePolicy[] = rows.map((copy) => ({
      kind: 'ATTENDANCE',
      key: SINGLE_KEY,
      version: copy.version,
      effectiveFrom: copy.effectiveFrom,
      rules: copy.rules as RulesOf['ATTENDANCE'],
    }));
    return (at) => versions.find((v) => v.effectiveFrom.getTime() <= at.getTime()) ?? first;
  }
  return { copies, read };
}
