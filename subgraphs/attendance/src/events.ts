import type { EventDraft } from '../../../messaging/src/types';
import type { AttendanceDay, AttendanceEntry } from './entities';

export const CHECK_IN_RECORDED = 'attendance.check_in.recorded';
export const CHECK_OUT_RECORDED = 'attendance.check_out.recorded';
export const MANUAL_ENTRY_RECORDED = 'attendance.manual_entry.recorded';
export const DAY_PROCESSED = 'attendance.day.processed';
export const LATE_ARRIVAL_DETECTED = 'attendance.late_arrival.detected';
export const ABSENCE_DETECTED = 'attendance.absence.detected';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const checkedIn = (entry: AttendanceEntry): EventDraft => ({
  type: CHECK_IN_RECORDED,
  subject: entry.id,
  data: {
    entryId: entry.id,
    employeeId: entry.employeeId,
    version: entry.version,
    date: entry.date,
    checkInTime: entry.checkInTime.toISOString(),
    location: entry.checkInLocation,
    device: entry.checkInDevice,
    plannedStart: iso(entry.plannedStart),
    late: entry.lateByMinutes > 0,
    lateByMinutes: entry.lateByMinutes,
  },
});

export const checkedOut = (entry: AttendanceEntry, workedMinutes: number): EventDraft => ({
  type: CHECK_OUT_RECORDED,
  subject: entry.id,
  data: {
    entryId: entry.id,
    employeeId: entry.employeeId,
    version: entry.version,
    date: entry.date,
    checkInTime: entry.checkInTime.toISOString(),
    checkOutTime: entry.checkOutTime!.toISOString(),
    location: entry.checkOutLocation,
    device: entry.checkOutDevice,
    workedMinutes,
    earlyExitMinutes: entry.earlyExitMinutes,
  },
});

export const manualEntryRecorded = (entry: AttendanceEntry): EventDraft => ({
  type: MANUAL_ENTRY_RECORDED,
  subject: entry.id,
  data: {
    entryId: entry.id,
    employeeId: entry.employeeId,
    version: entry.version,
    date: entry.date,
    checkInTime: entry.checkInTime.toISOString(),
    checkOutTime: iso(entry.checkOutTime),
    reason: entry.reason,
    recordedBy: entry.recordedBy,
    correctsEntryId: entry.correctsId,
    lateByMinutes: entry.lateByMinutes,
  },
});

/** The ATTENDANCE version (compliance) that judged what the event reports. */
const judgedBy = (policyVersion: number | undefined) =>
  policyVersion === undefined ? {} : { policyVersion };

/** `breakMinutes`: the gaps between the day's check-outs and next check-ins, added up. */
export const dayProcessed = (
  day: AttendanceDay,
  policyVersion?: number,
  breakMinutes?: number,
): EventDraft => ({
  type: DAY_PROCESSED,
  subject: day.id,
  data: {
    dayId: day.id,
    employeeId: day.employeeId,
    date: day.date,
    version: day.version,
    status: day.status,
    workedMinutes: day.workedMinutes,
    plannedMinutes: day.plannedMinutes,
    lateByMinutes: day.lateByMinutes,
    earlyExitMinutes: day.earlyExitMinutes,
    overtimeMinutes: day.overtimeMinutes,
    ...judgedBy(policyVersion),
    ...(breakMinutes === undefined ? {} : { breakMinutes }),
  },
});

/** A day that no longer has a record (it became a non-working day, or leave covers no work). */
export const dayCleared = (day: AttendanceDay, policyVersion?: number): EventDraft => ({
  type: DAY_PROCESSED,
  subject: day.id,
  data: {
    dayId: day.id,
    employeeId: day.employeeId,
    date: day.date,
    version: day.version,
    status: null,
    workedMinutes: 0,
    plannedMinutes: 0,
    lateByMinutes: 0,
    earlyExitMinutes: 0,
    overtimeMinutes: 0,
    ...judgedBy(policyVersion),
  },
});

export const lateArrivalDetected = (
  day: AttendanceDay,
  managerId: string | null,
  policyVersion?: number,
): EventDraft => ({
  type: LATE_ARRIVAL_DETECTED,
  subject: day.id,
  data: {
    dayId: day.id,
    employeeId: day.employeeId,
    managerId,
    date: day.date,
    version: day.version,
    checkInTime: day.checkInTime!.toISOString(),
    lateByMinutes: day.lateByMinutes,
    ...judgedBy(policyVersion),
  },
});

export const absenceDetected = (day: AttendanceDay, managerId: string | null): EventDraft => ({
  type: ABSENCE_DETECTED,
  subject: day.id,
  data: {
    dayId: day.id,
    employeeId: day.employeeId,
    managerId,
    date: day.date,
    version: day.version,
  },
});
