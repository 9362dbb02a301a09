import {
  defineDomainErrors,
  ErrorCode,
  policyLabel,
  policyRef,
  type PolicyVersion,
} from '../../../runtime';
import type { WorkingTimeRule } from './workingTimeRules';

/** Why the time domain refused a request (beyond the reasons every domain shares). */
export enum TimeReason {
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  EMPLOYEE_TERMINATED = 'EMPLOYEE_TERMINATED',
  TIME_ENTRY_OVERLAP = 'TIME_ENTRY_OVERLAP',
  TIME_ENTRY_NOT_FOUND = 'TIME_ENTRY_NOT_FOUND',
  // The working-time rules (docs/working-time.md).
  FUTURE_START = 'FUTURE_START',
  MAX_ENTRY_LENGTH = 'MAX_ENTRY_LENGTH',
  DAILY_OVERTIME_CAP = 'DAILY_OVERTIME_CAP',
  MINIMUM_BREAK = 'MINIMUM_BREAK',
}

/** The one place where a time reason becomes a code of the platform's error table. */
export const timeErrors = defineDomainErrors<TimeReason>('TimeError', {
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  EMPLOYEE_TERMINATED: ErrorCode.POLICY_VIOLATION,
  TIME_ENTRY_OVERLAP: ErrorCode.POLICY_VIOLATION,
  TIME_ENTRY_NOT_FOUND: ErrorCode.NOT_FOUND,
  FUTURE_START: ErrorCode.POLICY_VIOLATION,
  MAX_ENTRY_LENGTH: ErrorCode.POLICY_VIOLATION,
  DAILY_OVERTIME_CAP: ErrorCode.POLICY_VIOLATION,
  MINIMUM_BREAK: ErrorCode.POLICY_VIOLATION,
});

/** What the stale-version and lost-race refusals call the record. */
export const TIME_ENTRY = 'The time entry';

/** How a new or changed entry meets one it clashes with. */
export type Clash = 'START' | 'END' | 'BOTH';

export interface ClashingEntry {
  id: string;
  startTime: string;
  endTime: string | null;
  clash: Clash;
}

export const { invalid, forbidden } = timeErrors;

export const unknownEmployee = (id: string) =>
  timeErrors.error(TimeReason.UNKNOWN_EMPLOYEE, `There is no employee ${id}.`, {
    field: 'employeeId',
  });

export const employeeTerminated = (id: string) =>
  timeErrors.error(
    TimeReason.EMPLOYEE_TERMINATED,
    `Employee ${id} is terminated; no new time can be recorded.`,
    { field: 'employeeId' },
  );

export const entryNotFound = (id: string) =>
  timeErrors.error(TimeReason.TIME_ENTRY_NOT_FOUND, `Time entry ${id} was not found.`, {
    extensions: { id },
  });

/** An overlap is a policy violation, as in every domain; `clashes` says how each entry meets. */
export const overlap = (clashes: ClashingEntry[]) =>
  timeErrors.error(
    TimeReason.TIME_ENTRY_OVERLAP,
    `The entry overlaps ${clashes.length} other ${clashes.length === 1 ? 'entry' : 'entries'} of the employee.`,
    { extensions: { clashes } },
  );

/** A working-time rule an entry breaks: the field at fault, the limit and the entry's value. */
export interface Breach {
  rule: WorkingTimeRule;
  field: string;
  message: string;
  limit: number | string;
  actual: number | string;
  /** More facts the client may show (the local day, the hours after which a break is due). */
  details?: Record<string, unknown>;
}

/** The refusal of a breach, naming the WORKING_TIME version that judged it. */
export const ruleBroken = (
  { rule, field, message, limit, actual, details }: Breach,
  policy: PolicyVersion<'WORKING_TIME'>,
) =>
  timeErrors.error(TimeReason[rule], `${message} (${policyLabel(policy)})`, {
    field,
    extensions: { limit, actual, ...details, policy: policyRef(policy) },
  });
