/**
 * What `validateCompliance` passes on as the question's `input`: the operation's input as
 * the deciding subgraph's responder takes it. One small function per kind, so a change of
 * a responder's input is a change here only. What the caller left out is left out (not
 * sent as null): the responders tell absent from null as their mutations do.
 */

type Given = Record<string, unknown>;

const present = (values: Given): Given =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

/** `requestLeave`'s input. */
export const leaveRequestInput = (input: Given): Given =>
  present({
    employeeId: input.employeeId,
    leaveType: input.leaveType,
    startDate: input.startDate,
    endDate: input.endDate,
    halfDayStart: input.halfDayStart,
    halfDayEnd: input.halfDayEnd,
  });

/** `recordTimeEntry`'s input, or an amend's when `entryId` is given. */
export const timeEntryInput = (input: Given): Given =>
  present({
    entryId: input.entryId,
    employeeId: input.employeeId,
    periodType: input.periodType,
    startTime: input.startTime,
    endTime: input.endTime,
    mealBreakMinutes: input.mealBreakMinutes,
  });

/**
 * `recordManualAttendance`'s entry in the names attendance's question uses, with `date`,
 * the employee's local day of the check-in, which the question needs.
 */
export const attendanceDayInput = (input: Given, date: string): Given =>
  present({
    employeeId: input.employeeId,
    date,
    checkIn: input.checkInTime,
    checkOut: input.checkOutTime,
  });

/** Attendance's question names, back to the input's (the date comes from the check-in). */
const ATTENDANCE_FIELDS: Record<string, string> = {
  checkIn: 'checkInTime',
  checkOut: 'checkOutTime',
  date: 'checkInTime',
};

/** The operations `ComplianceCheckInput` holds, and how an answer's fields read in it. */
export const QUESTION_FIELDS = {
  leaveRequest: (field: string) => field,
  timeEntry: (field: string) => field,
  attendanceDay: (field: string) => ATTENDANCE_FIELDS[field] ?? field,
} as const;

export type CheckedOperation = keyof typeof QUESTION_FIELDS;
