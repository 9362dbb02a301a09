import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { AccrualType } from './entities';

export const DEFAULT_TIME_ZONE = 'Europe/London';
export const DEFAULT_LOCATION = 'ENGLAND_AND_WALES';

/** The entry fields the rules read. */
export interface EntryFacts {
  periodType: string;
  startTime: Date;
  endTime: Date | null;
  mealBreakMinutes: number;
}

/** What an entry adds to one type on one local day (minutes, or 1 for ON_CALL). */
export interface DayAmount {
  accrualType: AccrualType;
  date: string;
  amount: number;
}

const WORKED = new Set(['SHIFT', 'OVERTIME', 'TRAINING']);

const REGIONS: Record<string, [string, string?]> = {
  ENGLAND_AND_WALES: ['GB', 'ENG'],
  SCOTLAND: ['GB', 'SCT'],
  NORTHERN_IRELAND: ['GB', 'NIR'],
};

const holidayCache = new Map<string, Set<string>>();

/** The public holidays (type 'public' only) of a location in a year, as ISO dates. */
function publicHolidays(location: string, year: number): Set<string> {
  const key = `${location}|${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const [country, state] = REGIONS[location] ?? [location];
    const calendar = state ? new Holidays(country, state) : new Holidays(country);
    const found = calendar.getHolidays(year) || [];
    days = new Set(found.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(key, days);
  }
  return days;
}

export const isPublicHoliday = (location: string, date: string) =>
  publicHolidays(location, Number(date.slice(0, 4))).has(date);

const isWeekend = (day: DateTime) => day.weekday >= 6;

/** Real elapsed minutes of the overlap of [a, b) and [c, d), from UTC instants. */
const overlapMinutes = (a: number, b: number, c: number, d: number) =>
  Math.max(0, Math.min(b, d) - Math.max(a, c)) / 60000;

/**
 * What one time entry adds to each accrual type on each local day of the employee's zone.
 * An open entry (no end) adds nothing until it is closed. Minutes are real elapsed time
 * (UTC instants), split at local midnights, so a DST night counts 7 or 9 hours as worked.
 */
export function contributionsOf(entry: EntryFacts, zone: string, location: string): DayAmount[] {
  if (!entry.endTime) return [];
  const start = DateTime.fromJSDate(entry.startTime, { zone });
  if (entry.periodType === 'ON_CALL') {
    const date = start.toISODate()!;
    const accrualType: AccrualType = isPublicHoliday(location, date)
      ? 'ON_CALL_PUBLIC_HOLIDAY'
      : isWeekend(start)
        ? 'ON_CALL_WEEKEND'
        : 'ON_CALL_WEEKDAY';
    return [{ accrualType, date, amount: 1 }];
  }
  if (!WORKED.has(entry.periodType)) return [];
  const end = entry.endTime.getTime();
  const out: DayAmount[] = [];
  const add = (accrualType: AccrualType, date: string, minutes: number) => {
    const amount = Math.round(minutes);
    if (amount > 0) out.push({ accrualType, date, amount });
  };
  // The meal break is taken off the first day's ANNUAL_TARGET_HOURS (any part longer than
  // that day spills to the next); it does not reduce night, weekend or holiday hours,
  // since the entry does not say when the break was taken.
  let mealLeft = entry.mealBreakMinutes;
  let cursor = start;
  while (cursor.toMillis() < end) {
    const dayStart = cursor.startOf('day');
    const nextDay = dayStart.plus({ days: 1 }).startOf('day');
    const from = cursor.toMillis();
    const to = Math.min(end, nextDay.toMillis());
    const date = dayStart.toISODate()!;
    const minutes = (to - from) / 60000;
    const meal = Math.min(mealLeft, minutes);
    mealLeft -= meal;
    add('ANNUAL_TARGET_HOURS', date, minutes - meal);
    const night =
      overlapMinutes(from, to, dayStart.toMillis(), dayStart.set({ hour: 6 }).toMillis()) +
      overlapMinutes(from, to, dayStart.set({ hour: 23 }).toMillis(), nextDay.toMillis());
    add('NIGHT_HOURS', date, night);
    if (isWeekend(dayStart)) add('WEEKEND_HOURS', date, minutes);
    if (isPublicHoliday(location, date)) add('PUBLIC_HOLIDAY_HOURS', date, minutes);
    cursor = nextDay;
  }
  return out;
}

export type AccrualStatus =
  | 'ON_TRACK'
  | 'BEHIND_5_15'
  | 'BEHIND_15_25'
  | 'BEHIND_25_PLUS'
  | 'AHEAD_5_15'
  | 'AHEAD_15_25'
  | 'AHEAD_25_PLUS';

/** The band of the gap between worked and expected, in per cent of expected. */
export function statusOf(worked: number, expected: number): AccrualStatus {
  if (expected <= 0) return worked <= 0 ? 'ON_TRACK' : 'AHEAD_25_PLUS';
  const gap = ((worked - expected) / expected) * 100;
  const size = Math.abs(gap);
  // Rounded to 1e-9 so 95 of 100 is exactly 5 % and stays ON_TRACK.
  const band = Math.round(size * 1e9) / 1e9;
  if (band <= 5) return 'ON_TRACK';
  const side = gap < 0 ? 'BEHIND' : 'AHEAD';
  if (band <= 15) return `${side}_5_15`;
  if (band <= 25) return `${side}_15_25`;
  return `${side}_25_PLUS`;
}

/** Days from `a` to `b`, both ISO dates (b - a). */
export const daysBetween = (a: string, b: string) =>
  Math.round(
    DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days,
  );

export const addDays = (date: string, days: number) =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;

export const isIsoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
