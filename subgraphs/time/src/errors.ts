import { DomainError, ErrorCode } from '../../../runtime/src/errors';
import { policyLabel, policyRef, type PolicyVersion } from '../../../runtime/src/policies';
import type { WorkingTimeRule } from './workingTimeRules';

/** Why the time domain refused a request. */
export enum TimeErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  EMPLOYEE_TERMINATED = 'EMPLOYEE_TERMINATED',
  TIME_ENTRY_OVERLAP = 'TIME_ENTRY_OVERLAP',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  TIME_ENTRY_NOT_FOUND = 'TIME_ENTRY_NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  // The working-time rules (docs/working-time.md).
  FUTURE_START = 'FUTURE_START',
  MAX_ENTRY_LENGTH = 'MAX_ENTRY_LENGTH',
  DAILY_OVERTIME_CAP = 'DAILY_OVERTIME_CAP',
  MINIMUM_BREAK = 'MINIMUM_BREAK',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<TimeErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  EMPLOYEE_TERMINATED: ErrorCode.POLICY_VIOLATION,
  TIME_ENTRY_OVERLAP: ErrorCode.CONFLICT,
  VERSION_CONFLICT: ErrorCode.CONFLICT,
  TIME_ENTRY_NOT_FOUND: ErrorCode.NOT_FOUND,
  FORBIDDEN: ErrorCode.FORBIDDEN,
  FUTURE_START: ErrorCode.POLICY_VIOLATION,
  MAX_ENTRY_LENGTH: ErrorCode.POLICY_VIOLATION,
  DAILY_OVERTIME_CAP: ErrorCode.POLICY_VIOLATION,
  MINIMUM_BREAK: ErrorCode.POLICY_VIOLATION,
};

export class TimeError extends DomainError {
  override name = 'TimeError';

  constructor(
    readonly timeCode: TimeErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const code = CODE_OF[timeCode];
    const rule = code === ErrorCode.POLICY_VIOLATION ? timeCode : undefined;
    super(code, message, timeCode, { ...details, rule });
  }
}

/** How a new or changed entry meets one it clashes with. */
export type Clash = 'START' | 'END' | 'BOTH';

export interface ClashingEntry {
  id: string;
  startTime: string;
  endTime: string | null;
  clash: Clash;
}

export const invalid = (field: string, message: string) =>
  new TimeError(TimeErrorCode.INVALID_INPUT, message, { field });

export const forbiddenTo = (message: string) => new TimeError(TimeErrorCode.FORBIDDEN, message);

export const unknownEmployee = (id: string) =>
  new TimeError(TimeErrorCode.UNKNOWN_EMPLOYEE, `There is no employee ${id}.`, {
    field: 'employeeId',
  });

export const employeeTerminated = (id: string) =>
  new TimeError(
    TimeErrorCode.EMPLOYEE_TERMINATED,
    `Employee ${id} is terminated; no new time can be recorded.`,
    { field: 'employeeId' },
  );

export const entryNotFound = (id: string) =>
  new TimeError(TimeErrorCode.TIME_ENTRY_NOT_FOUND, `Time entry ${id} was not found.`, {
    extensions: { id },
  });

export const staleVersion = (expected: number, actual: number) =>
  new TimeError(
    TimeErrorCode.VERSION_CONFLICT,
    `The time entry changed since version ${expected}; it is now at version ${actual}.`,
    { field: 'expectedVersion', extensions: { expectedVersion: expected, actualVersion: actual } },
  );

export const concurrentChange = (cause: unknown) =>
  new TimeError(
    TimeErrorCode.VERSION_CONFLICT,
    'The time entry was changed by someone else meanwhile; read it again.',
    { field: 'expectedVersion', cause },
  );

export const overlap = (clashes: ClashingEntry[]) =>
  new TimeError(
    TimeErrorCode.TIME_ENTRY_OVERLAP,
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
  new TimeError(TimeErrorCode[rule], `${message} (${policyLabel(policy)})`, {
    field,
    extensions: { limit, actual, ...details, policy: policyRef(policy) },
  });
