import { DomainError, ErrorCode } from '../../../runtime/src/errors';

/** Why the attendance domain refused a request. */
export enum AttendanceErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_EMPLOYEE = 'UNKNOWN_EMPLOYEE',
  ALREADY_CHECKED_IN = 'ALREADY_CHECKED_IN',
  NOT_CHECKED_IN = 'NOT_CHECKED_IN',
  ENTRY_OVERLAP = 'ENTRY_OVERLAP',
  ENTRY_NOT_FOUND = 'ENTRY_NOT_FOUND',
  ENTRY_ALREADY_CORRECTED = 'ENTRY_ALREADY_CORRECTED',
  EMPLOYEE_TERMINATED = 'EMPLOYEE_TERMINATED',
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  FORBIDDEN = 'FORBIDDEN',
}

/** The one place where a domain reason becomes a code of the platform's error table. */
const CODE_OF: Record<AttendanceErrorCode, ErrorCode> = {
  INVALID_INPUT: ErrorCode.BAD_USER_INPUT,
  UNKNOWN_EMPLOYEE: ErrorCode.BAD_USER_INPUT,
  ALREADY_CHECKED_IN: ErrorCode.BAD_USER_INPUT,
  NOT_CHECKED_IN: ErrorCode.BAD_USER_INPUT,
  ENTRY_OVERLAP: ErrorCode.BAD_USER_INPUT,
  ENTRY_NOT_FOUND: ErrorCode.NOT_FOUND,
  ENTRY_ALREADY_CORRECTED: ErrorCode.CONFLICT,
  EMPLOYEE_TERMINATED: ErrorCode.POLICY_VIOLATION,
  CONCURRENT_CHANGE: ErrorCode.CONFLICT,
  FORBIDDEN: ErrorCode.FORBIDDEN,
};

export class AttendanceError extends DomainError {
  override name = 'AttendanceError';

  constructor(
    readonly attendanceCode: AttendanceErrorCode,
    message: string,
    details: { field?: string; extensions?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const code = CODE_OF[attendanceCode];
    const rule = code === ErrorCode.POLICY_VIOLATION ? attendanceCode : undefined;
    super(code, message, attendanceCode, { ...details, rule });
  }
}

export const invalid = (field: string, message: string) =>
  new AttendanceError(AttendanceErrorCode.INVALID_INPUT, message, { field });

export const forbiddenTo = (message: string) =>
  new AttendanceError(AttendanceErrorCode.FORBIDDEN, message);

export const unknownEmployee = (id: string) =>
  new AttendanceError(AttendanceErrorCode.UNKNOWN_EMPLOYEE, `There is no employee ${id}.`, {
    field: 'employeeId',
  });

export const employeeTerminated = (id: string) =>
  new AttendanceError(
    AttendanceErrorCode.EMPLOYEE_TERMINATED,
    `Employee ${id} is terminated; no attendance can be recorded.`,
    { field: 'employeeId' },
  );

export const alreadyCheckedIn = (entryId: string, since: Date) =>
  new AttendanceError(
    AttendanceErrorCode.ALREADY_CHECKED_IN,
    `The employee is already checked in since ${since.toISOString()}; check out first.`,
    { field: 'employeeId', extensions: { openEntryId: entryId } },
  );

export const notCheckedIn = () =>
  new AttendanceError(
    AttendanceErrorCode.NOT_CHECKED_IN,
    'The employee has no open check-in to check out of.',
    { field: 'employeeId' },
  );

export const overlap = (field: string, entryIds: string[]) =>
  new AttendanceError(
    AttendanceErrorCode.ENTRY_OVERLAP,
    `${field}: the entry overlaps ${entryIds.length} other attendance ${entryIds.length === 1 ? 'entry' : 'entries'} of the employee.`,
    { field, extensions: { clashingEntryIds: entryIds } },
  );

export const entryNotFound = (id: string, field?: string) =>
  new AttendanceError(
    AttendanceErrorCode.ENTRY_NOT_FOUND,
    `Attendance entry ${id} was not found.`,
    {
      field,
      extensions: { id },
    },
  );

export const alreadyCorrected = (id: string, by: string) =>
  new AttendanceError(
    AttendanceErrorCode.ENTRY_ALREADY_CORRECTED,
    `Attendance entry ${id} was already corrected by ${by}; correct that one instead.`,
    { field: 'correctsEntryId', extensions: { supersededById: by } },
  );

export const concurrentChange = (cause: unknown) =>
  new AttendanceError(
    AttendanceErrorCode.CONCURRENT_CHANGE,
    'The attendance was changed by someone else meanwhile; try again.',
    { cause },
  );
