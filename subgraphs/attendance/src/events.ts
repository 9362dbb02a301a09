import { draftOf } from '../../../messaging';
import { judgedBy } from '../../../runtime';
import type { AttendanceDay, AttendanceEntry } from './entities';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What every event of an entry carries first. */
const entryOf = (entry: AttendanceEntry) => ({
  entryId: entry.id,
  employeeId: entry.employeeId,
  version: entry.version,
  date: entry.date,
  checkInTime: entry.checkInTime.toISOString(),
});

export const checkedIn = (entry: AttendanceEntry) =>
  draftOf('attendance.check_in.recorded', entry.id, {
    ...entryOf(entry),
    location: entry.checkInLocation ?? null,
    device: entry.checkInDevice ?? null,
    plannedStart: iso(entry.plannedStart),
    late: entry.lateByMinutes > 0,
    lateByMinutes: entry.lateByMinutes,
  });

export const checkedOut = (entry: AttendanceEntry, workedMinutes: number) =>
  draftOf('attendance.check_out.recorded', entry.id, {
    ...entryOf(entry),
    checkOutTime: entry.checkOutTime!.toISOString(),
    location: entry.checkOutLocation ?? null,
    device: entry.checkOutDevice ?? null,
    workedMinutes,
    earlyExitMinutes: entry.earlyExitMinutes,
  });

/**
 * `reason` is the one the mutation required: a manual entry always has one (the entry's
 * column is null only for check-ins at a device).
 */
export const manualEntryRecorded = (entry: AttendanceEntry, reason: string) =>
  draftOf('attendance.manual_entry.recorded', entry.id, {
    ...entryOf(entry),
    checkOutTime: iso(entry.checkOutTime),
    reason,
    recordedBy: entry.recordedBy,
    correctsEntryId: entry.correctsId ?? null,
    lateByMinutes: entry.lateByMinutes,
  });

const dayOf = (day: AttendanceDay) => ({
  dayId: day.id,
  employeeId: day.employeeId,
  date: day.date,
  version: day.version,
});

/** `breakMinutes`: the gaps between the day's check-outs and next check-ins, added up. */
export const dayProcessed = (day: AttendanceDay, policyVersion?: number, breakMinutes?: number) =>
  draftOf('attendance.day.processed', day.id, {
    ...dayOf(day),
    status: day.status,
    workedMinutes: day.workedMinutes,
    plannedMinutes: day.plannedMinutes,
    lateByMinutes: day.lateByMinutes,
    earlyExitMinutes: day.earlyExitMinutes,
    overtimeMinutes: day.overtimeMinutes,
    ...judgedBy(policyVersion),
    ...(breakMinutes === undefined ? {} : { breakMinutes }),
  });

/** A day that no longer has a record (it became a non-working day, or leave covers no work). */
export const dayCleared = (day: AttendanceDay, policyVersion?: number) =>
  draftOf('attendance.day.processed', day.id, {
    ...dayOf(day),
    status: null,
    workedMinutes: 0,
    plannedMinutes: 0,
    lateByMinutes: 0,
    earlyExitMinutes: 0,
    overtimeMinutes: 0,
    ...judgedBy(policyVersion),
  });

export const lateArrivalDetected = (
  day: AttendanceDay,
  managerId: string | null,
  policyVersion?: number,
) =>
  draftOf('attendance.late_arrival.detected', day.id, {
    ...dayOf(day),
    managerId,
    checkInTime: day.checkInTime!.toISOString(),
    lateByMinutes: day.lateByMinutes,
    ...judgedBy(policyVersion),
  });

export const absenceDetected = (day: AttendanceDay, managerId: string | null) =>
  draftOf('attendance.absence.detected', day.id, { ...dayOf(day), managerId });
