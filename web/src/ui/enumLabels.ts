import type {
  AccrualStatus,
  EmployeeStatus,
  EmploymentType,
  LeaveStatus,
  LeaveType,
  PeriodType,
  TrainingStatus,
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
