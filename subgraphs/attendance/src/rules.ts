import { DateTime } from 'luxon';
import { addDays, type AttendanceRules, isPublicHoliday } from '../../../runtime';
import type {
  AgreementCopy,
  AttendanceDay,
  AttendanceEntry,
  EmployeeCopy,
  LeaveCopy,
  ShiftCopy,
  Weekday,
} from './entities';
import { WEEKDAYS } from './entities';

/**
 * Without an agreement (or one that says nothing of it): Monday to Friday, each day the
 * ATTENDANCE policy's `defaultShiftMinutes` long.
 */
export const DEFAULT_WORKING_DAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** What a person was expected to work on one local day. */
export interface DayPlan {
  date: string;
  working: boolean;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  plannedMinutes: number;
  /** Where the plan came from. */
  source: 'SCHEDULE' | 'PATTERN' | 'NONE';
}

/**
 * Date and zone arithmetic is most of processing's time, and a run asks the same few
 * (date, zone) questions for every employee: answers are kept, in a bounded cache, as
 * epoch milliseconds and strings so callers never share a mutable Date.
 */
const zoneCache = new Map<string, unknown>();
const ZONE_CACHE_SIZE = 10_000;

function cached<T>(key: string, compute: () => T): T {
  if (zoneCache.has(key)) return zoneCache.get(key) as T;
  if (zoneCache.size >= ZONE_CACHE_SIZE) zoneCache.clear();
  const value = compute();
  zoneCache.set(key, value);
  return value;
}

/** The instants `[start, end)` of a local day. */
export function localDayBounds(date: string, zone: string): { start: Date; end: Date } {
  const [start, end] = cached(`day|${date}|${zone}`, () => [
    DateTime.fromISO(date, { zone }).startOf('day').toMillis(),
    DateTime.fromISO(addDays(date, 1), { zone }).startOf('day').toMillis(),
  ]);
  return { start: new Date(start), end: new Date(end) };
}

/** The instant a local day reaches the clock time `hour:minute`. */
const localClock = (date: string, zone: string, hour: number, minute: number) =>
  cached(`clock|${date}|${zone}|${hour}:${minute}`, () =>
    DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis(),
  );

/** True once the whole local day `date` is over at `now`. */
export const dayHasEnded = (date: string, zone: string, now: Date): boolean =>
  localDayBounds(date, zone).end.getTime() <= now.getTime();

export const weekdayOf = (date: string): Weekday =>
  cached(`weekday|${date}`, () => WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1]);

const minutesBetween = (a: Date, b: Date) => Math.floor((b.getTime() - a.getTime()) / 60_000);

/** The agreement that covers `date`, the latest starting one if several do. */
export function agreementOn(agreements: AgreementCopy[], date: string): AgreementCopy | undefined {
  return agreements
    .filter((a) => a.startDate <= date && date <= a.endDate)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
}

/**
 * The plan for a day: the published shifts that start on it, else the working pattern of
 * the agreement (no work on a non-working weekday or a public holiday of the location).
 */
export function planDay(
  date: string,
  employee: Pick<EmployeeCopy, 'timeZone' | 'location'>,
  agreements: AgreementCopy[],
  shifts: ShiftCopy[],
  rules: AttendanceRules,
): DayPlan {
  const zone = employee.timeZone;
  const { start: dayStart, end: dayEnd } = localDayBounds(date, zone);
  const today = shifts
    .filter((s) => !s.replaced && s.start && s.end)
    .filter(
      (s) => s.start!.getTime() >= dayStart.getTime() && s.start!.getTime() < dayEnd.getTime(),
    )
    .sort((a, b) => a.start!.getTime() - b.start!.getTime());
  if (today.length) {
    return {
      date,
      working: true,
      plannedStart: today[0].start ?? null,
      plannedEnd: new Date(Math.max(...today.map((s) => s.end!.getTime()))),
      plannedMinutes: today.reduce((sum, s) => sum + minutesBetween(s.start!, s.end!), 0),
      source: 'SCHEDULE',
    };
  }
  const agreement = agreementOn(agreements, date);
  const days = agreement?.workingDays?.length ? agreement.workingDays : DEFAULT_WORKING_DAYS;
  if (!days.includes(weekdayOf(date)) || isPublicHoliday(employee.location, date))
    return {
      date,
      working: false,
      plannedStart: null,
      plannedEnd: null,
      plannedMinutes: 0,
      source: 'NONE',
    };
  const weekly = agreement?.weeklyMinutes;
  const daily = weekly ? Math.round(weekly / days.length) : rules.defaultShiftMinutes;
  const [hour, minute] = rules.workdayStart.split(':').map(Number);
  // Minutes added to an instant are elapsed time (as luxon's `plus({ minutes })`), DST or not.
  const start = localClock(date, zone, hour, minute);
  return {
    date,
    working: true,
    plannedStart: new Date(start),
    plannedEnd: new Date(start + daily * 60_000),
    plannedMinutes: daily,
    source: 'PATTERN',
  };
}

/** Minutes late: from the planned start, once past the grace period; 0 otherwise. */
export function lateBy(checkIn: Date, plan: Pick<DayPlan, 'plannedStart'>, grace: number): number {
  if (!plan.plannedStart) return 0;
  const late = minutesBetween(plan.plannedStart, checkIn);
  return late > grace ? late : 0;
}

/** Minutes left before the planned end, once more than the grace period; 0 otherwise. */
export function earlyExitBy(
  checkOut: Date,
  plan: { plannedEnd: Date | null | undefined },
  grace: number,
): number {
  if (!plan.plannedEnd) return 0;
  const early = minutesBetween(checkOut, plan.plannedEnd);
  return early > grace ? early : 0;
}

/** The earliest check-in of a day's entries, or null when there are none. */
export const firstCheckIn = (entries: Pick<AttendanceEntry, 'checkInTime'>[]): Date | null =>
  entries.length ? new Date(Math.min(...entries.map((e) => e.checkInTime.getTime()))) : null;

/** Worked minutes of a closed entry. */
export const workedMinutesOf = (entry: Pick<AttendanceEntry, 'checkInTime' | 'checkOutTime'>) =>
  entry.checkOutTime ? minutesBetween(entry.checkInTime, entry.checkOutTime) : 0;

/** A processed day's outcome: what its row holds beyond who, when and which version. */
export type DayOutcome = Omit<
  AttendanceDay,
  'id' | 'employeeId' | 'date' | 'version' | 'processedAt' | 'correlationId'
>;

/** Whether a person is employed (and counted) on a day, from the copy. */
export function employedOn(employee: EmployeeCopy, date: string): boolean {
  if (employee.status === 'INACTIVE') return false;
  if (employee.hireDate && date < employee.hireDate) return false;
  if (employee.terminationDate && date > employee.terminationDate) return false;
  if (employee.status === 'TERMINATED' && !employee.terminationDate) return false;
  return true;
}

/**
 * The approved leave that covers `date`. Two requests may overlap while their events are on
 * the way; the earliest request wins, so the day never depends on the order rows are read.
 */
export const leaveOn = (leave: LeaveCopy[], date: string): LeaveCopy | undefined =>
  leave
    .filter(
      (l) =>
        l.status === 'APPROVED' &&
        l.startDate <= date &&
        date <= l.endDate &&
        (!l.dates?.length || l.dates.includes(date)),
    )
    .reduce<LeaveCopy | undefined>((first, l) => (first && first.id < l.id ? first : l), undefined);

/**
 * A day's outcome (docs/domain.md#attendance): PRESENT (in and out, worked >= the half-day
 * threshold), HALF_DAY (below it), INCOMPLETE (a check-in without a check-out), ON_LEAVE
 * (approved leave on a working day), ABSENT (working day, no check-in, no leave); no
 * record on a non-working day or holiday without attendance.
 */
export function evaluateDay(input: {
  employee: EmployeeCopy;
  plan: DayPlan;
  /** The day's live entries (not superseded). */
  entries: AttendanceEntry[];
  leave: LeaveCopy[];
  /** The ATTENDANCE rules in force at the start of the day. */
  rules: AttendanceRules;
  /** Those in force at the day's first check-in, which judge its lateness (default: `rules`). */
  checkInRules?: AttendanceRules;
}): DayOutcome | null {
  const { employee, plan, rules } = input;
  const checkInRules = input.checkInRules ?? rules;
  if (!employedOn(employee, plan.date)) return null;
  const entries = [...input.entries].sort(
    (a, b) => a.checkInTime.getTime() - b.checkInTime.getTime(),
  );
  const leave = leaveOn(input.leave, plan.date);
  if (!entries.length) {
    const base = {
      checkInTime: null,
      checkOutTime: null,
      workedMinutes: 0,
      plannedMinutes: plan.plannedMinutes,
      lateByMinutes: 0,
      earlyExitMinutes: 0,
      overtimeMinutes: 0,
    };
    if (!plan.working) return null;
    if (leave) return { ...base, status: 'ON_LEAVE', leaveRequestId: leave.id };
    if (employee.status === 'ON_LEAVE')
      return { ...base, status: 'ON_LEAVE', leaveRequestId: null };
    return { ...base, status: 'ABSENT', leaveRequestId: null };
  }
  const open = entries.some((e) => !e.checkOutTime);
  const worked = entries.reduce((sum, e) => sum + workedMinutesOf(e), 0);
  const last = entries[entries.length - 1];
  const lastOut = open
    ? null
    : new Date(Math.max(...entries.map((e) => e.checkOutTime!.getTime())));
  const overtime = worked - plan.plannedMinutes;
  return {
    status: open ? 'INCOMPLETE' : worked >= rules.halfDayMinutes ? 'PRESENT' : 'HALF_DAY',
    checkInTime: entries[0].checkInTime,
    checkOutTime: lastOut ?? (last.checkOutTime ? last.checkOutTime : null),
    workedMinutes: worked,
    plannedMinutes: plan.plannedMinutes,
    lateByMinutes: lateBy(entries[0].checkInTime, plan, checkInRules.graceMinutes),
    earlyExitMinutes: lastOut ? earlyExitBy(lastOut, plan, rules.graceMinutes) : 0,
    overtimeMinutes: !open && overtime > rules.overtimeToleranceMinutes ? overtime : 0,
    leaveRequestId: leave?.id ?? null,
  };
}
