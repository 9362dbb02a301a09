/**
 * What `validateCompliance` passes on as the question's `input`: the operation's input as
 * the deciding subgraph's own mutation would take it. One small function per kind, so a
 * change of that mutation's input is a change here only. Absent values go as null.
 */

type Given = Record<string, unknown>;

const orNull = (value: unknown) => (value === undefined ? null : value);

/** `requestLeave`'s input. */
export const leaveRequestInput = (input: Given): Given => ({
  employeeId: orNull(input.employeeId),
  leaveType: input.leaveType,
  startDate: input.startDate,
  endDate: input.endDate,
  halfDayStart: orNull(input.halfDayStart),
  halfDayEnd: orNull(input.halfDayEnd),
});

/** `recordTimeEntry`'s input, or an amend's when `entryId` is given. */
export const timeEntryInput = (input: Given): Given => ({
  entryId: orNull(input.entryId),
  employeeId: input.employeeId,
  periodType: input.periodType,
  startTime: input.startTime,
  endTime: orNull(input.endTime),
  mealBreakMinutes: orNull(input.mealBreakMinutes),
});

/** `recordManualAttendance`'s input. */
export const attendanceDayInput = (input: Given): Given => ({
  employeeId: input.employeeId,
  checkInTime: input.checkInTime,
  checkOutTime: orNull(input.checkOutTime),
});

/** Each part of `ComplianceCheckInput`, with the question it becomes. */
export const QUESTION_INPUTS = {
  leaveRequest: leaveRequestInput,
  timeEntry: timeEntryInput,
  attendanceDay: attendanceDayInput,
} as const;

export type CheckedOperation = keyof typeof QUESTION_INPUTS;
