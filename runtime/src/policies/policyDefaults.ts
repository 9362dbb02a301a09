import {
  type AttendanceRules,
  type LeaveRules,
  type LeaveType,
  type PolicyKind,
  type PolicyVersion,
  type RetentionRules,
  type RulesOf,
  type WorkingTimeRules,
} from './policyRules';

/** What each type states: how it draws on a balance, and the notice and length it allows. */
type LeaveTerms = Pick<
  LeaveRules,
  'usesBalance' | 'entitlementDays' | 'allowNegative' | 'noticeDays' | 'maxConsecutiveDays'
>;

/**
 * A leave type's rules: paid, in half days too, counting working days only and carrying
 * nothing over, unless `rules` says otherwise.
 */
const leave = (rules: LeaveTerms & Partial<LeaveRules>): LeaveRules => ({
  enabled: true,
  paid: true,
  halfDaysAllowed: true,
  countsWeekends: false,
  countsHolidays: false,
  carryOverCapDays: 0,
  carryOverExpiryMonths: 0,
  ...rules,
});
/** A balance of `days` a leave year, which a request may not overdraw. */
const balanceOf = (days: number) => ({
  usesBalance: true,
  entitlementDays: days,
  allowNegative: false,
});
/** No balance: nothing to run out of. */
const noBalance = { usesBalance: false, entitlementDays: 0, allowNegative: true };

/** Each leave type's rules before HR changes any. */
export const DEFAULT_LEAVE_RULES: Record<LeaveType, LeaveRules> = {
  ANNUAL: leave({
    ...balanceOf(25),
    noticeDays: 7,
    maxConsecutiveDays: 20,
    carryOverCapDays: 5,
    carryOverExpiryMonths: 3,
  }),
  SICK: leave({ ...noBalance, noticeDays: 0, maxConsecutiveDays: null }),
  CASUAL: leave({ ...balanceOf(5), noticeDays: 1, maxConsecutiveDays: 3 }),
  COMPASSIONATE: leave({
    ...balanceOf(5),
    noticeDays: 0,
    maxConsecutiveDays: 5,
    halfDaysAllowed: false,
  }),
  PARENTAL: leave({
    ...noBalance,
    countsWeekends: true,
    countsHolidays: true,
    noticeDays: 28,
    maxConsecutiveDays: null,
    halfDaysAllowed: false,
  }),
  UNPAID: leave({ ...noBalance, paid: false, noticeDays: 7, maxConsecutiveDays: 60 }),
  TOIL: leave({ ...noBalance, noticeDays: 2, maxConsecutiveDays: 5 }),
};

export const DEFAULT_ATTENDANCE_RULES: AttendanceRules = {
  graceMinutes: 10,
  halfDayMinutes: 240,
  overtimeToleranceMinutes: 15,
  workdayStart: '09:00',
  defaultShiftMinutes: 450,
  latePatternCount: 3,
  latePatternDays: 30,
};

export const DEFAULT_WORKING_TIME_RULES: WorkingTimeRules = {
  futureStartDays: 0,
  maxEntryMinutes: 24 * 60,
  dailyOvertimeCapMinutes: 4 * 60,
  minimumBreakAfterMinutes: 6 * 60,
  minimumBreakMinutes: 30,
};

export const DEFAULT_RETENTION_RULES: RetentionRules = { auditRetentionDays: 365 };

/** Each setting variable that changes a default, by kind and rule (docs/compliance.md). */
export const DEFAULT_VARIABLES = {
  ATTENDANCE: {
    graceMinutes: 'ATTENDANCE_GRACE_MINUTES',
    halfDayMinutes: 'ATTENDANCE_HALF_DAY_MINUTES',
    overtimeToleranceMinutes: 'ATTENDANCE_OVERTIME_TOLERANCE_MINUTES',
    workdayStart: 'ATTENDANCE_WORKDAY_START',
  },
  WORKING_TIME: {
    futureStartDays: 'TIME_FUTURE_START_DAYS',
    maxEntryMinutes: 'TIME_MAX_ENTRY_MINUTES',
    dailyOvertimeCapMinutes: 'TIME_DAILY_OVERTIME_CAP_MINUTES',
    minimumBreakAfterMinutes: 'TIME_MINIMUM_BREAK_AFTER_MINUTES',
    minimumBreakMinutes: 'TIME_MINIMUM_BREAK_MINUTES',
  },
  RETENTION: { auditRetentionDays: 'RETENTION_DAYS' },
} as const;

/**
 * A kind's rules before HR changes any: the code's defaults with the deployment's setting
 * variables laid over them. The values are not checked here: `checkedDefaults` does.
 */
export function defaultRules<K extends PolicyKind>(
  kind: K,
  key: string,
  env: NodeJS.ProcessEnv = process.env,
): RulesOf[K] {
  if (kind === 'LEAVE') return { ...DEFAULT_LEAVE_RULES[key as LeaveType] } as RulesOf[K];
  const base = {
    ATTENDANCE: DEFAULT_ATTENDANCE_RULES,
    WORKING_TIME: DEFAULT_WORKING_TIME_RULES,
    RETENTION: DEFAULT_RETENTION_RULES,
  }[kind as Exclude<PolicyKind, 'LEAVE'>] as unknown as Record<string, unknown>;
  const variables = DEFAULT_VARIABLES[kind as keyof typeof DEFAULT_VARIABLES];
  const rules: Record<string, unknown> = { ...base };
  for (const [rule, variable] of Object.entries(variables)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    rules[rule] = typeof base[rule] === 'number' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  }
  return rules as unknown as RulesOf[K];
}

/** The epoch: version 1 has always been in force. */
export const DEFAULTS_EFFECTIVE_FROM = new Date(0);

/** Version 1 of a policy: its defaults. */
export const defaultVersion = <K extends PolicyKind>(
  kind: K,
  key: string,
  rules: RulesOf[K] = defaultRules(kind, key),
): PolicyVersion<K> => ({ kind, key, version: 1, effectiveFrom: DEFAULTS_EFFECTIVE_FROM, rules });
