import { keysOf, MAX_ENTRY_MINUTES, type PolicyKind } from './policyRules';

/** What is wrong with one value of a policy: the field (`rules.noticeDays`) and why. */
export interface PolicyProblem {
  field: string;
  message: string;
}

type Rule = { type: 'boolean' } | { type: 'integer'; min: number; max: number; nullable?: true };
type Shape = Record<string, Rule | { type: 'clock' }>;

const whole = (min: number, max: number): Rule => ({ type: 'integer', min, max });
const flag: Rule = { type: 'boolean' };
const DAY = 24 * 60;

/** Each kind's rules, their types and bounds. */
const SHAPES: Record<PolicyKind, Shape> = {
  LEAVE: {
    enabled: flag,
    paid: flag,
    usesBalance: flag,
    entitlementDays: whole(0, 366),
    allowNegative: flag,
    countsWeekends: flag,
    countsHolidays: flag,
    noticeDays: whole(0, 365),
    maxConsecutiveDays: { type: 'integer', min: 1, max: 366, nullable: true },
    halfDaysAllowed: flag,
    carryOverCapDays: whole(0, 366),
    carryOverExpiryMonths: whole(0, 24),
  },
  ATTENDANCE: {
    graceMinutes: whole(0, 240),
    halfDayMinutes: whole(0, DAY),
    overtimeToleranceMinutes: whole(0, 240),
    workdayStart: { type: 'clock' },
    defaultShiftMinutes: whole(1, DAY),
    latePatternCount: whole(0, 100),
    latePatternDays: whole(1, 366),
  },
  WORKING_TIME: {
    futureStartDays: whole(0, 366),
    maxEntryMinutes: whole(1, MAX_ENTRY_MINUTES),
    dailyOvertimeCapMinutes: whole(0, DAY),
    minimumBreakAfterMinutes: whole(0, DAY),
    minimumBreakMinutes: whole(0, 240),
  },
  RETENTION: { auditRetentionDays: whole(1, 36_500) },
};

/** The rule names of a kind, in the order they are shown. */
export const ruleNames = (kind: PolicyKind): string[] => Object.keys(SHAPES[kind]);

function checkValue(rule: Shape[string], value: unknown): string | undefined {
  if (rule.type === 'boolean')
    return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (rule.type === 'clock')
    return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
      ? undefined
      : 'must be a clock time HH:MM';
  if (value === null && rule.nullable) return undefined;
  if (!Number.isInteger(value) || (value as number) < rule.min || (value as number) > rule.max)
    return `must be a whole number from ${rule.min} to ${rule.max}${rule.nullable ? ', or null' : ''}`;
  return undefined;
}

/** Values that are each fine but say opposite things together. */
function contradictions(kind: PolicyKind, r: Record<string, unknown>): PolicyProblem[] {
  const n = (name: string) => r[name] as number;
  const problems: PolicyProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({ field: `rules.${field}`, message });
  if (kind === 'LEAVE') {
    if (r.usesBalance && n('carryOverCapDays') > n('entitlementDays'))
      add(
        'carryOverCapDays',
        `The carry-over cap (${n('carryOverCapDays')} days) may not be above the entitlement (${n('entitlementDays')} days).`,
      );
    if (n('carryOverCapDays') > 0 && n('carryOverExpiryMonths') === 0)
      add('carryOverExpiryMonths', 'Carried-over days need a number of months before they expire.');
    if (r.usesBalance && !r.allowNegative && r.enabled && n('entitlementDays') === 0)
      add(
        'entitlementDays',
        'A type that draws on a balance and may not go below it needs an entitlement.',
      );
  }
  if (kind === 'ATTENDANCE') {
    if (n('graceMinutes') >= n('defaultShiftMinutes'))
      add(
        'graceMinutes',
        `The grace (${n('graceMinutes')} min) must be shorter than the shift (${n('defaultShiftMinutes')} min).`,
      );
    if (n('halfDayMinutes') > n('defaultShiftMinutes'))
      add(
        'halfDayMinutes',
        `The half-day threshold (${n('halfDayMinutes')} min) may not be longer than the shift (${n('defaultShiftMinutes')} min).`,
      );
  }
  if (kind === 'WORKING_TIME') {
    if (n('minimumBreakAfterMinutes') >= n('maxEntryMinutes'))
      add(
        'minimumBreakAfterMinutes',
        `A break due after ${n('minimumBreakAfterMinutes')} min would never be due in an entry of at most ${n('maxEntryMinutes')} min.`,
      );
    if (n('dailyOvertimeCapMinutes') > n('maxEntryMinutes'))
      add(
        'dailyOvertimeCapMinutes',
        `The daily overtime cap (${n('dailyOvertimeCapMinutes')} min) may not be above the longest entry (${n('maxEntryMinutes')} min).`,
      );
  }
  return problems;
}

/**
 * Every problem with `rules` as the rules of a `kind` policy keyed `key`: an unknown key, a
 * missing, unknown or out-of-bounds value, then values that contradict each other. Empty
 * when the policy may be put in force.
 */
export function checkPolicyRules(kind: PolicyKind, key: string, rules: unknown): PolicyProblem[] {
  if (!keysOf(kind).includes(key))
    return [
      { field: 'key', message: `A ${kind} policy's key is one of ${keysOf(kind).join(', ')}.` },
    ];
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
    return [{ field: 'rules', message: 'The rules must be an object.' }];
  const values = rules as Record<string, unknown>;
  const shape = SHAPES[kind];
  const problems: PolicyProblem[] = Object.keys(values)
    .filter((name) => !(name in shape))
    .map((name) => ({
      field: `rules.${name}`,
      message: `A ${kind} policy has no rule "${name}".`,
    }));
  for (const [name, rule] of Object.entries(shape)) {
    const why = name in values ? checkValue(rule, values[name]) : 'is missing';
    if (why) problems.push({ field: `rules.${name}`, message: `${name} ${why}.` });
  }
  return problems.length ? problems : contradictions(kind, values);
}
