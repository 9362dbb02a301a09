import type {
  AttendanceRules,
  LeaveRules,
  RetentionRules,
  WorkingTimeRules,
} from '../../../messaging';

/**
 * The rules the compliance domain owns and leave, attendance, time and audit decide with
 * (docs/compliance.md). Each kind of policy has its own rules; a LEAVE policy exists per
 * leave type, every other kind once (key `DEFAULT`).
 */

export const POLICY_KINDS = ['LEAVE', 'ATTENDANCE', 'WORKING_TIME', 'RETENTION'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const LEAVE_TYPES = [
  'ANNUAL',
  'SICK',
  'CASUAL',
  'COMPASSIONATE',
  'PARENTAL',
  'UNPAID',
  'TOIL',
] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/**
 * The longest a time entry or a scheduled shift may last, whatever a WORKING_TIME policy or
 * an HR exception allows: the ceiling of `maxEntryMinutes`, and the `period` bound of the
 * time events' contracts, so consumers that split an entry per day do a bounded amount of work.
 */
export const MAX_ENTRY_MINUTES = 7 * 24 * 60;

/** The key of a kind that has one policy only. */
export const SINGLE_KEY = 'DEFAULT';

/** The keys a kind's policies have: the leave types, or `DEFAULT`. */
export const keysOf = (kind: PolicyKind): readonly string[] =>
  kind === 'LEAVE' ? LEAVE_TYPES : [SINGLE_KEY];

/**
 * The rules of each kind are the types generated from the `compliance.policy.updated`
 * contract, so what compliance publishes and what the others decide with cannot drift.
 */
export type { AttendanceRules, LeaveRules, RetentionRules, WorkingTimeRules };

/** The rules of each kind. */
export interface RulesOf {
  LEAVE: LeaveRules;
  ATTENDANCE: AttendanceRules;
  WORKING_TIME: WorkingTimeRules;
  RETENTION: RetentionRules;
}

export type AnyRules = RulesOf[PolicyKind];

/** One version of one policy: what a decision names when it refuses. */
export interface PolicyVersion<K extends PolicyKind = PolicyKind> {
  kind: K;
  key: string;
  /** 1 is the deployment's defaults; each change adds one. */
  version: number;
  /** The instant from which this version is in force (the defaults: the epoch). */
  effectiveFrom: Date;
  rules: RulesOf[K];
}

/** How a refusal or a record names the policy it was judged by. */
export interface PolicyRef {
  kind: PolicyKind;
  key: string;
  version: number;
}

export const policyRef = ({ kind, key, version }: PolicyVersion): PolicyRef => ({
  kind,
  key,
  version,
});

/** `LEAVE/ANNUAL v3`, for messages. */
export const policyLabel = ({ kind, key, version }: PolicyRef): string =>
  `${kind}${key === SINGLE_KEY ? '' : `/${key}`} v${version}`;
