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

/** The key of a kind that has one policy only. */
export const SINGLE_KEY = 'DEFAULT';

/** The keys a kind's policies have: the leave types, or `DEFAULT`. */
export const keysOf = (kind: PolicyKind): readonly string[] =>
  kind === 'LEAVE' ? LEAVE_TYPES : [SINGLE_KEY];

/** How one leave type behaves. */
export interface LeaveRules {
  /** Whether requests of this type may be made at all. */
  enabled: boolean;
  paid: boolean;
  /** Whether requests draw on a balance (and are refused beyond it). */
  usesBalance: boolean;
  /** Full-time days per leave year; ANNUAL takes the agreement's entitlement when it gives one. */
  entitlementDays: number;
  /** Whether a request may take the balance below zero. */
  allowNegative: boolean;
  /** Whether Saturdays, Sundays and other non-working days of the pattern count as leave days. */
  countsWeekends: boolean;
  /** Whether public holidays of the employee's location count as leave days. */
  countsHolidays: boolean;
  /** Days between the request and the first day of leave, at least. */
  noticeDays: number;
  /** The longest single request, in days charged; null for no limit. */
  maxConsecutiveDays: number | null;
  halfDaysAllowed: boolean;
  /** Unused days carried into the next leave year, at most (0: none). */
  carryOverCapDays: number;
  /** Carried days not taken within this many months of the new leave year expire. */
  carryOverExpiryMonths: number;
}

/** Shift rules attendance judges check-ins and days by. */
export interface AttendanceRules {
  /** Minutes after the planned start before a check-in is late (and before the end for early exit). */
  graceMinutes: number;
  /** Worked minutes from which a day is PRESENT rather than HALF_DAY. */
  halfDayMinutes: number;
  /** Minutes beyond the planned ones that do not count as overtime. */
  overtimeToleranceMinutes: number;
  /** Local clock time (`HH:MM`) a working-pattern day starts when there is no published shift. */
  workdayStart: string;
  /** The planned length of a working day when neither a shift nor the agreement gives one. */
  defaultShiftMinutes: number;
  /** Late arrivals within `latePatternDays` that make a pattern (a violation); 0: never. */
  latePatternCount: number;
  /** The window, in days, late arrivals are counted over. */
  latePatternDays: number;
}

/** The working-time regulations every time entry is checked against (docs/working-time.md). */
export interface WorkingTimeRules {
  /** Days after today (the employee's local today) on which an entry may still start. */
  futureStartDays: number;
  /** The longest entry, in minutes. */
  maxEntryMinutes: number;
  /** The most OVERTIME one person may record on one local day, in minutes. */
  dailyOvertimeCapMinutes: number;
  /** Worked minutes in one entry beyond which a meal break is due. */
  minimumBreakAfterMinutes: number;
  /** The meal break due then, in minutes. */
  minimumBreakMinutes: number;
}

/** How long data is kept. */
export interface RetentionRules {
  /** Days an audit entry is kept before the purge removes it. */
  auditRetentionDays: number;
}

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
