import { defineDomainErrors } from '../../../runtime';

/** Why attendance refuses, beyond the shared reasons, under the code each is answered with. */
export const attendanceErrors = defineDomainErrors('AttendanceError', {
  BAD_USER_INPUT: ['UNKNOWN_EMPLOYEE', 'ALREADY_CHECKED_IN', 'NOT_CHECKED_IN'],
  POLICY_VIOLATION: ['ENTRY_OVERLAP', 'EMPLOYEE_TERMINATED'],
  NOT_FOUND: ['ENTRY_NOT_FOUND'],
  CONFLICT: ['ENTRY_ALREADY_CORRECTED'],
});

export const AttendanceReason = attendanceErrors.reasons;
export type AttendanceReason = keyof typeof AttendanceReason;

/** What a lost race refuses (runtime's optimistic lock). */
export const ATTENDANCE = 'The attendance';

export const { invalid, forbidden } = attendanceErrors;

export const unknownEmployee = (id: string) =>
  attendanceErrors.unknownEmployee(AttendanceReason.UNKNOWN_EMPLOYEE, id);

export const employeeTerminated = (id: string) =>
  attendanceErrors.employeeTerminated(
    AttendanceReason.EMPLOYEE_TERMINATED,
    id,
    'no attendance can be recorded',
  );

export const alreadyCheckedIn = (entryId: string, since: Date) =>
  attendanceErrors.error(
    AttendanceReason.ALREADY_CHECKED_IN,
    `The employee is already checked in since ${since.toISOString()}; check out first.`,
    { field: 'employeeId', extensions: { openEntryId: entryId } },
  );

export const notCheckedIn = () =>
  attendanceErrors.error(
    AttendanceReason.NOT_CHECKED_IN,
    'The employee has no open check-in to check out of.',
    { field: 'employeeId' },
  );

/** An overlap is a policy violation, as in every domain; `field` is the time that clashes. */
export const overlap = (field: string, entryIds: string[]) =>
  attendanceErrors.error(
    AttendanceReason.ENTRY_OVERLAP,
    `${field}: the entry overlaps ${entryIds.length} other attendance ${entryIds.length === 1 ? 'entry' : 'entries'} of the employee.`,
    { field, extensions: { clashingEntryIds: entryIds } },
  );

export const entryNotFound = (id: string, field?: string) =>
  attendanceErrors.notFound(AttendanceReason.ENTRY_NOT_FOUND, 'Attendance entry', id, field);

export const alreadyCorrected = (id: string, by: string) =>
  attendanceErrors.error(
    AttendanceReason.ENTRY_ALREADY_CORRECTED,
    `Attendance entry ${id} was already corrected by ${by}; correct that one instead.`,
    { field: 'correctsEntryId', extensions: { supersededById: by } },
  );
