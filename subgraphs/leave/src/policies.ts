/** Leave types and the policy each follows: configuration, with the defaults below. */

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

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Monday to Friday: the working pattern when the agreement names none. */
export const DEFAULT_WORKING_DAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** How one leave type behaves. */
export interface LeavePolicy {
  leaveType: LeaveType;
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

/** Leave configuration: the policies and the leave year used when no agreement gives one. */
export interface LeaveConfig {
  policies: Record<LeaveType, LeavePolicy>;
  /** `MM-DD` the leave year starts on without an agreement (the agreement year otherwise). */
  leaveYearStart: string;
}

const policy = (leaveType: LeaveType, values: Omit<LeavePolicy, 'leaveType' | 'enabled'>) => ({
  leaveType,
  enabled: true,
  ...values,
});

export const DEFAULT_POLICIES: Record<LeaveType, LeavePolicy> = {
  ANNUAL: policy('ANNUAL', {
    paid: true,
    usesBalance: true,
    entitlementDays: 25,
    allowNegative: false,
    countsWeekends: false,
    countsHolidays: false,
    noticeDays: 7,
    maxConsecutiveDays: 20,
    halfDaysAllowed: true,
    carryOverCapDays: 5,
    carryOverExpiryMonths: 3,
  }),
  SICK: policy('SICK', {
    paid: true,
    usesBalance: false,
    entitlementDays: 0,
    allowNegative: true,
    countsWeekends: false,
    countsHolidays: false,
    noticeDays: 0,
    maxConsecutiveDays: null,
    halfDaysAllowed: true,
    carryOverCapDays: 0,
    carryOverExpiryMonths: 0,
  }),
  CASUAL: policy('CASUAL', {
    paid: true,
    usesBalance: true,
    entitlementDays: 5,
    allowNegative: false,
    countsWeekends: false,
    countsHolidays: false,
    noticeDays: 1,
    maxConsecutiveDays: 3,
    halfDaysAllowed: true,
    carryOverCapDays: 0,
    carryOverExpiryMonths: 0,
  }),
  COMPASSIONATE: policy('COMPASSIONATE', {
    paid: true,
    usesBalance: true,
    entitlementDays: 5,
    allowNegative: false,
    countsWeekends: false,
    countsHolidays: false,
    noticeDays: 0,
    maxConsecutiveDays: 5,
    halfDaysAllowed: false,
    carryOverCapDays: 0,
    carryOverExpiryMonths: 0,
  }),
  PARENTAL: policy('PARENTAL', {
    paid: true,
    usesBalance: false,
    entitlementDays: 0,
    allowNegative: true,
    countsWeekends: true,
    countsHolidays: true,
    noticeDays: 28,
    maxConsecutiveDays: null,
    halfDaysAllowed: false,
    carryOverCapDays: 0,
    carryOverExpiryMonths: 0,
  }),
  UNPAID: policy('UNPAID', {
    paid: false,
    usesBalance: false,
    entitlementDays: 0,
    allowNegative: true,
    countsWeekends: false,
    countsHolidays: false,
    noticeDays: 7,
    maxConsecutiveDays: 60,
    halfDaysAllowed: true,
    carryOverCapDays: 0,
    carryOverExpiryMonths: 0,
  }),
  TOIL: policy('TOIL', {
    paid: true,
    usesBalance: false,
    entitlementDays: 0,
    allowNegative: true,
    countsWeekends: false,
    countsHolidays: false,
    noticeDays: 2,
    maxConsecutiveDays: 5,
    halfDaysAllowed: true,
    carryOverCapDays: 0,
    carryOverExpiryMonths: 0,
  }),
};

export const DEFAULT_LEAVE_YEAR_START = '04-01';

/** What a deployment may change: any policy field of any type, and the default leave year. */
export interface LeaveConfigOverrides {
  policies?: Partial<Record<LeaveType, Partial<Omit<LeavePolicy, 'leaveType'>>>>;
  leaveYearStart?: string;
}

/** The defaults with `overrides` laid over them; a bad value stops with a message naming it. */
export function leaveConfig(overrides: LeaveConfigOverrides = {}): LeaveConfig {
  const policies = {} as Record<LeaveType, LeavePolicy>;
  for (const type of LEAVE_TYPES) {
    const merged: LeavePolicy = { ...DEFAULT_POLICIES[type], ...overrides.policies?.[type] };
    for (const key of [
      'entitlementDays',
      'noticeDays',
      'carryOverCapDays',
      'carryOverExpiryMonths',
    ] as const)
      if (!(Number.isFinite(merged[key]) && merged[key] >= 0))
        throw new Error(`Leave policy ${type}.${key} must be a number, 0 or more.`);
    if (merged.maxConsecutiveDays !== null && !(merged.maxConsecutiveDays > 0))
      throw new Error(`Leave policy ${type}.maxConsecutiveDays must be more than 0, or null.`);
    policies[type] = merged;
  }
  const leaveYearStart = overrides.leaveYearStart ?? DEFAULT_LEAVE_YEAR_START;
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/.test(leaveYearStart))
    throw new Error('leaveYearStart must be MM-DD, a day from 01 to 29.');
  return { policies, leaveYearStart };
}
