import type {
  AccrualStatus,
  AccrualType,
  AttendanceSource,
  BillingAccountKind,
  EmployeeStatus,
  EmploymentType,
  LeaveStatus,
  LeaveType,
  MeasurementUnit,
  PeriodType,
  TrainingStatus,
  ViolationRule,
  ViolationStatus,
} from '../gql/graphql';
import type { Choice } from './SelectField';

// How people read the schema's enum values. Each map is typed by its enum, so a value the
// schema adds does not compile until it has words here.

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  FULL_TIME: 'Full time',
  PART_TIME: 'Part time',
  CONTRACTOR: 'Contractor',
};

export const ACCRUAL_STATUS_LABELS: Record<AccrualStatus, string> = {
  ON_TRACK: 'On track',
  BEHIND_5_15: 'Behind by 5–15 %',
  BEHIND_15_25: 'Behind by 15–25 %',
  BEHIND_25_PLUS: 'Behind by over 25 %',
  AHEAD_5_15: 'Ahead by 5–15 %',
  AHEAD_15_25: 'Ahead by 15–25 %',
  AHEAD_25_PLUS: 'Ahead by over 25 %',
};

export const ACCRUAL_TYPE_LABELS: Record<AccrualType, string> = {
  ANNUAL_TARGET_HOURS: 'Annual target hours',
  NIGHT_HOURS: 'Night hours',
  WEEKEND_HOURS: 'Weekend hours',
  PUBLIC_HOLIDAY_HOURS: 'Public holiday hours',
  ON_CALL_WEEKDAY: 'On call, weekdays',
  ON_CALL_WEEKEND: 'On call, weekends',
  ON_CALL_PUBLIC_HOLIDAY: 'On call, public holidays',
};

/** The unit after a figure: `12 h`, `3 periods`. */
export const MEASUREMENT_UNIT_LABELS: Record<MeasurementUnit, string> = {
  HOURS: 'h',
  COUNT: 'periods',
};

export const ATTENDANCE_SOURCE_LABELS: Record<AttendanceSource, string> = {
  DEVICE: 'Checked in',
  MANUAL: 'Manual entry',
};

export const BILLING_ACCOUNT_KIND_LABELS: Record<BillingAccountKind, string> = {
  COST_CENTRE: 'Cost centre',
  PAYROLL_LIABILITY: 'Payroll liability',
};

export const VIOLATION_RULE_LABELS: Record<ViolationRule, string> = {
  HR_EXCEPTION: 'HR exception',
  DAILY_OVERTIME_CAP: 'Daily overtime cap',
  LONGEST_SHIFT: 'Longest shift',
  MINIMUM_BREAK: 'Minimum break',
  LATE_PATTERN: 'Pattern of late arrivals',
};

export const EMPLOYEE_STATUS_LABELS: Record<EmployeeStatus, string> = {
  ACTIVE: 'Active',
  INACTIVE: 'Inactive',
  ON_LEAVE: 'On leave',
  TERMINATED: 'Left',
};

export const LEAVE_TYPE_LABELS: Record<LeaveType, string> = {
  ANNUAL: 'Annual leave',
  SICK: 'Sick leave',
  CASUAL: 'Casual leave',
  COMPASSIONATE: 'Compassionate leave',
  PARENTAL: 'Parental leave',
  UNPAID: 'Unpaid leave',
  TOIL: 'Time off in lieu',
};

export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  CANCELLED: 'Cancelled',
};

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  SHIFT: 'Shift',
  OVERTIME: 'Overtime',
  ON_CALL: 'On call',
  TRAINING: 'Training',
  ABSENCE: 'Absence',
  NON_WORKING_DAY: 'Non-working day',
  SCHEDULED_REST_DAY: 'Rest day',
};

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  OVERDUE: 'Overdue',
  DUE: 'Due',
  EXPIRING: 'Expiring',
  COMPLETED: 'Completed',
};

export const VIOLATION_STATUS_LABELS: Record<ViolationStatus, string> = {
  OPEN: 'Open',
  CLOSED: 'Closed',
};

/**
 * A shift's kind, free text that is often a code (`DAY`, `LONG_DAY`): a code reads as words
 * (`Day`, `Long day`); anything else as it was typed.
 */
export function shiftKind(kind: string): string {
  if (!/^[A-Z0-9_]+$/.test(kind)) return kind;
  const words = kind.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The regions of the UK whose public holidays differ, as a person's `location` names them. */
export const UK_REGION_LABELS: Record<string, string> = {
  ENGLAND_AND_WALES: 'England and Wales',
  SCOTLAND: 'Scotland',
  NORTHERN_IRELAND: 'Northern Ireland',
};

/** A location in words: a UK region by name; a country's two-letter code as it is. */
export const locationName = (location: string): string => UK_REGION_LABELS[location] ?? location;

/** An enum's values in the order of its map: the order the screens offer them in. */
export const valuesOf = <T extends string>(labels: Record<T, string>): T[] =>
  Object.keys(labels) as T[];

/**
 * A select's choices over an enum, each shown in words: all its values, or those of
 * `values` ('' among them stays "(any)").
 */
export function labelledChoices<T extends string>(
  labels: Record<T, string>,
  values: readonly (T | '')[] = valuesOf(labels),
): Choice[] {
  return values.map((value) => (value === '' ? '' : { value, label: labels[value] }));
}

/** A filter's choices over an enum: each value in words, then "(any)". */
export const filterChoices = <T extends string>(labels: Record<T, string>): Choice[] =>
  labelledChoices(labels, [...valuesOf(labels), '']);
