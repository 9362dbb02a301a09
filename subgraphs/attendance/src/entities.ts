import type { InferEntity } from '@mikro-orm/core';
import {
  agreementCopySchema,
  employeeCopySchema,
  employeeDay,
  mutationTrail,
  PLACED_COLUMNS,
  policyCopySchema,
  tableEntity,
  uuidEntity,
} from '../../../runtime';

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '../../../runtime';

export const ATTENDANCE_STATUSES = [
  'PRESENT',
  'HALF_DAY',
  'INCOMPLETE',
  'ON_LEAVE',
  'ABSENT',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** How an entry came to be: a check-in at a device, or a manual entry by a manager or HR. */
export type EntrySource = 'DEVICE' | 'MANUAL';

export const AttendanceEntrySchema = uuidEntity(
  'AttendanceEntry',
  'attendance_entries',
  (p) => ({
    ...employeeDay(p),
    checkInTime: p.datetime(),
    checkInLocation: p.string().length(200).nullable(),
    checkInDevice: p.string().length(200).nullable(),
    checkOutTime: p.datetime().nullable(),
    checkOutLocation: p.string().length(200).nullable(),
    checkOutDevice: p.string().length(200).nullable(),
    source: p.string().$type<EntrySource>().length(10),
    reason: p.string().length(500).nullable(),
    /** The subject of the token that recorded it. */
    recordedBy: p.string().length(200),
    /** The entry this one corrects. */
    correctsId: p.string().length(36).nullable(),
    /** The correction that replaced this entry; the entry stays visible but no longer counts. */
    supersededById: p.string().length(36).nullable(),
    /** The planned start it was measured against, when the day was a working day. */
    plannedStart: p.datetime().nullable(),
    plannedEnd: p.datetime().nullable(),
    lateByMinutes: p.integer(),
    earlyExitMinutes: p.integer(),
    ...mutationTrail(p),
  }),
  {
    indexes: [
      { name: 'attendance_entries_employee_date', properties: ['employeeId', 'date'] },
      { name: 'attendance_entries_employee_in', properties: ['employeeId', 'checkInTime'] },
      // Leads the overlap check: the entries still running at an instant (findOverlapping).
      { name: 'attendance_entries_employee_out', properties: ['employeeId', 'checkOutTime'] },
    ],
  },
);
/**
 * One check-in and (once closed) its check-out. Instants are stored in UTC; `date` is the
 * employee's local day of the check-in. A correction is a new MANUAL entry that names the
 * one it corrects; the original stays, marked `supersededById`.
 */
export type AttendanceEntry = InferEntity<typeof AttendanceEntrySchema>;

export const AttendanceDaySchema = uuidEntity(
  'AttendanceDay',
  'attendance_days',
  (p) => ({
    ...employeeDay(p),
    status: p.string().$type<AttendanceStatus>().length(20),
    checkInTime: p.datetime().nullable(),
    checkOutTime: p.datetime().nullable(),
    workedMinutes: p.integer(),
    plannedMinutes: p.integer(),
    lateByMinutes: p.integer(),
    earlyExitMinutes: p.integer(),
    overtimeMinutes: p.integer(),
    /** The approved leave request that made the day ON_LEAVE. */
    leaveRequestId: p.string().length(200).nullable(),
    /** Grows by one each time processing changes the outcome. */
    version: p.integer(),
    processedAt: p.datetime(),
    correlationId: p.string().length(200),
  }),
  {
    uniques: [{ name: 'attendance_days_employee_date', properties: ['employeeId', 'date'] }],
  },
);
/** The outcome of processing one employee's local day; one row per employee and day at most. */
export type AttendanceDay = InferEntity<typeof AttendanceDaySchema>;

export const EmployeeCopySchema = employeeCopySchema(
  'AttendanceEmployee',
  'attendance_employees',
  PLACED_COLUMNS,
);
/** Attendance's copy of an employee, fed by employees' events. */
export type EmployeeCopy = InferEntity<typeof EmployeeCopySchema>;

export const AgreementCopySchema = agreementCopySchema(
  'AttendanceAgreement',
  'attendance_agreements',
  (p) => ({
    workingDays: p.json<Weekday[]>(),
    /** Contracted minutes a week; null when the agreement does not say (the policy's day then). */
    weeklyMinutes: p.integer().nullable(),
  }),
);
/** Attendance's copy of an agreement's working pattern (its newest version). */
export type AgreementCopy = InferEntity<typeof AgreementCopySchema>;

export const ShiftCopySchema = uuidEntity(
  'AttendanceShift',
  'attendance_shifts',
  (p) => ({
    employeeId: p.string().length(36),
    scheduleId: p.string().length(36).nullable(),
    start: p.datetime().fieldName('start_time').nullable(),
    end: p.datetime().fieldName('end_time').nullable(),
    replaced: p.boolean(),
  }),
  {
    indexes: [{ name: 'attendance_shifts_employee_start', properties: ['employeeId', 'start'] }],
  },
);
/**
 * Attendance's copy of a published shift. A shift a later publication replaced stays as a
 * tombstone (`replaced`), so a late copy of the older publication cannot bring it back.
 */
export type ShiftCopy = InferEntity<typeof ShiftCopySchema>;

export type LeaveCopyStatus = 'APPROVED' | 'CANCELLED';

export const LeaveCopySchema = tableEntity('AttendanceLeave', 'attendance_leave', (p) => ({
  id: p.string().primary().length(200),
  employeeId: p.string().length(36).index(),
  leaveType: p.string().length(30).nullable(),
  startDate: p.string().length(10),
  endDate: p.string().length(10),
  /** The first day is a half day. */
  startHalf: p.boolean(),
  /** The last day is a half day. */
  endHalf: p.boolean(),
  /** The days the leave charges (working days less holidays), when the event lists them. */
  dates: p.json<string[]>().nullable(),
  status: p.string().$type<LeaveCopyStatus>().length(20),
  version: p.integer(),
}));
/** Attendance's copy of a leave request that was approved (and maybe cancelled since). */
export type LeaveCopy = InferEntity<typeof LeaveCopySchema>;

/** Attendance's copy of compliance's ATTENDANCE versions, fed by `compliance.policy.updated`. */
export const PolicyCopySchema = policyCopySchema(
  'AttendancePolicyCopy',
  'attendance_policy_copies',
);

export const entities = [
  PolicyCopySchema,
  AttendanceEntrySchema,
  AttendanceDaySchema,
  EmployeeCopySchema,
  AgreementCopySchema,
  ShiftCopySchema,
  LeaveCopySchema,
];
