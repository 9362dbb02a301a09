import { EntitySchema } from '@mikro-orm/core';
import {
  employeeCopySchema,
  PLACED_COLUMNS,
  type PlacedEmployeeCopy,
  policyCopySchema,
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

/**
 * One check-in and (once closed) its check-out. Instants are stored in UTC; `date` is the
 * employee's local day of the check-in. A correction is a new MANUAL entry that names the
 * one it corrects; the original stays, marked `supersededById`.
 */
export interface AttendanceEntry {
  id: string;
  employeeId: string;
  date: string;
  checkInTime: Date;
  checkInLocation: string | null;
  checkInDevice: string | null;
  checkOutTime: Date | null;
  checkOutLocation: string | null;
  checkOutDevice: string | null;
  source: EntrySource;
  reason: string | null;
  /** The subject of the token that recorded it. */
  recordedBy: string;
  /** The entry this one corrects. */
  correctsId: string | null;
  /** The correction that replaced this entry; the entry stays visible but no longer counts. */
  supersededById: string | null;
  /** The planned start it was measured against, when the day was a working day. */
  plannedStart: Date | null;
  plannedEnd: Date | null;
  lateByMinutes: number;
  earlyExitMinutes: number;
  version: number;
  correlationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const AttendanceEntrySchema = new EntitySchema<AttendanceEntry>({
  name: 'AttendanceEntry',
  tableName: 'attendance_entries',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    date: { type: 'string', length: 10 },
    checkInTime: { type: Date },
    checkInLocation: { type: 'string', length: 200, nullable: true },
    checkInDevice: { type: 'string', length: 200, nullable: true },
    checkOutTime: { type: Date, nullable: true },
    checkOutLocation: { type: 'string', length: 200, nullable: true },
    checkOutDevice: { type: 'string', length: 200, nullable: true },
    source: { type: 'string', length: 10 },
    reason: { type: 'string', length: 500, nullable: true },
    recordedBy: { type: 'string', length: 200 },
    correctsId: { type: 'string', length: 36, nullable: true },
    supersededById: { type: 'string', length: 36, nullable: true },
    plannedStart: { type: Date, nullable: true },
    plannedEnd: { type: Date, nullable: true },
    lateByMinutes: { type: 'integer' },
    earlyExitMinutes: { type: 'integer' },
    // Optimistic lock: every flush that changes the row adds one.
    version: { type: 'integer', version: true },
    correlationId: { type: 'string', length: 200 },
    createdAt: { type: Date },
    updatedAt: { type: Date },
  },
  indexes: [
    { name: 'attendance_entries_employee_date', properties: ['employeeId', 'date'] },
    { name: 'attendance_entries_employee_in', properties: ['employeeId', 'checkInTime'] },
  ],
});

/** The outcome of processing one employee's local day; one row per employee and day at most. */
export interface AttendanceDay {
  id: string;
  employeeId: string;
  date: string;
  status: AttendanceStatus;
  checkInTime: Date | null;
  checkOutTime: Date | null;
  workedMinutes: number;
  plannedMinutes: number;
  lateByMinutes: number;
  earlyExitMinutes: number;
  overtimeMinutes: number;
  /** The approved leave request that made the day ON_LEAVE. */
  leaveRequestId: string | null;
  /** Grows by one each time processing changes the outcome. */
  version: number;
  processedAt: Date;
  correlationId: string;
}

export const AttendanceDaySchema = new EntitySchema<AttendanceDay>({
  name: 'AttendanceDay',
  tableName: 'attendance_days',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    date: { type: 'string', length: 10 },
    status: { type: 'string', length: 20 },
    checkInTime: { type: Date, nullable: true },
    checkOutTime: { type: Date, nullable: true },
    workedMinutes: { type: 'integer' },
    plannedMinutes: { type: 'integer' },
    lateByMinutes: { type: 'integer' },
    earlyExitMinutes: { type: 'integer' },
    overtimeMinutes: { type: 'integer' },
    leaveRequestId: { type: 'string', length: 200, nullable: true },
    version: { type: 'integer' },
    processedAt: { type: Date },
    correlationId: { type: 'string', length: 200 },
  },
  uniques: [{ name: 'attendance_days_employee_date', properties: ['employeeId', 'date'] }],
});

/** Attendance's copy of an employee, fed by employees' events. */
export type EmployeeCopy = PlacedEmployeeCopy;

export const EmployeeCopySchema = employeeCopySchema<EmployeeCopy>(
  'AttendanceEmployee',
  'attendance_employees',
  PLACED_COLUMNS,
);

/** Attendance's copy of an agreement's working pattern (its newest version). */
export interface AgreementCopy {
  id: string;
  employeeId: string;
  startDate: string;
  /** Inclusive. */
  endDate: string;
  workingDays: Weekday[];
  /** Contracted minutes a week; null when the agreement does not say (the policy's day then). */
  weeklyMinutes: number | null;
  version: number;
}

export const AgreementCopySchema = new EntitySchema<AgreementCopy>({
  name: 'AttendanceAgreement',
  tableName: 'attendance_agreements',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36, index: true },
    startDate: { type: 'string', length: 10 },
    endDate: { type: 'string', length: 10 },
    workingDays: { type: 'json' },
    weeklyMinutes: { type: 'integer', nullable: true },
    version: { type: 'integer' },
  },
});

/**
 * Attendance's copy of a published shift. A shift a later publication replaced stays as a
 * tombstone (`replaced`), so a late copy of the older publication cannot bring it back.
 */
export interface ShiftCopy {
  id: string;
  employeeId: string;
  scheduleId: string | null;
  start: Date | null;
  end: Date | null;
  replaced: boolean;
}

export const ShiftCopySchema = new EntitySchema<ShiftCopy>({
  name: 'AttendanceShift',
  tableName: 'attendance_shifts',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    scheduleId: { type: 'string', length: 36, nullable: true },
    start: { type: Date, fieldName: 'start_time', nullable: true },
    end: { type: Date, fieldName: 'end_time', nullable: true },
    replaced: { type: 'boolean' },
  },
  indexes: [{ name: 'attendance_shifts_employee_start', properties: ['employeeId', 'start'] }],
});

export type LeaveCopyStatus = 'APPROVED' | 'CANCELLED';

/** Attendance's copy of a leave request that was approved (and maybe cancelled since). */
export interface LeaveCopy {
  id: string;
  employeeId: string;
  leaveType: string | null;
  startDate: string;
  endDate: string;
  /** The first day is a half day. */
  startHalf: boolean;
  /** The last day is a half day. */
  endHalf: boolean;
  /** The days the leave charges (working days less holidays), when the event lists them. */
  dates: string[] | null;
  status: LeaveCopyStatus;
  version: number;
}

export const LeaveCopySchema = new EntitySchema<LeaveCopy>({
  name: 'AttendanceLeave',
  tableName: 'attendance_leave',
  properties: {
    id: { type: 'string', primary: true, length: 200 },
    employeeId: { type: 'string', length: 36, index: true },
    leaveType: { type: 'string', length: 30, nullable: true },
    startDate: { type: 'string', length: 10 },
    endDate: { type: 'string', length: 10 },
    startHalf: { type: 'boolean' },
    endHalf: { type: 'boolean' },
    dates: { type: 'json', nullable: true },
    status: { type: 'string', length: 20 },
    version: { type: 'integer' },
  },
});

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
