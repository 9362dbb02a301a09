import type {
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

/** A select's choices over enum `values`, each shown in words; '' stays "(any)". */
export function labelledChoices<T extends string>(
  values: readonly (T | '')[],
  labels: Record<T, string>,
): Choice[] {
  return values.map((value) => (value === '' ? '' : { value, label: labels[value] }));
}
