import type Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { badInput } from './errors';

/**
 * Local-day arithmetic that several domains share (accruals, billing, leave, attendance):
 * public holidays by location and intervals cut at the local midnights of a time zone.
 * Everything works on real UTC instants, so a DST night has 23 or 25 hours.
 */

export const DEFAULT_TIME_ZONE = 'Europe/London';
const DAY_MS = 86_400_000;
export const DEFAULT_LOCATION = 'ENGLAND_AND_WALES';

/** Locations inside a country whose holidays differ, as date-holidays country and state. */
const REGIONS: Record<string, [string, string?]> = {
  ENGLAND_AND_WALES: ['GB', 'ENG'],
  SCOTLAND: ['GB', 'SCT'],
  NORTHERN_IRELAND: ['GB', 'NIR'],
};

const holidayCache = new Map<string, Set<string>>();

/**
 * date-holidays and its rules for every country (about 5 MB of heap) are loaded on the first
 * holiday asked for: most processes importing the kit, the gateway's among them, never ask.
 */
const loadHolidays = (): typeof Holidays =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('date-holidays') as typeof Holidays;

/**
 * The public holidays (date-holidays type 'public' only, substitute days included) of a
 * location in a year, as ISO dates. A location is one of REGIONS or an ISO country code.
 */
export function publicHolidays(location: string, year: number): Set<string> {
  const key = `${location}|${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const [country, state] = REGIONS[location] ?? [location];
    const HolidaysOf = loadHolidays();
    const calendar = state ? new HolidaysOf(country, state) : new HolidaysOf(country);
    const found = calendar.getHolidays(year) || [];
    days = new Set(found.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(key, days);
  }
  return days;
}

/** The public holidays of a location from `from` to `to` (ISO dates, inclusive), in order. */
export function publicHolidaysBetween(location: string, from: string, to: string): string[] {
  const days: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const day of publicHolidays(location, year)) if (day >= from && day <= to) days.push(day);
  return days.sort();
}

export const isPublicHoliday = (location: string, date: string): boolean =>
  publicHolidays(location, Number(date.slice(0, 4))).has(date);

/** Saturday or Sunday, for an ISO date. */
export const isWeekendDate = (date: string): boolean =>
  DateTime.fromISO(date, { zone: 'utc' }).weekday >= 6;

/** The ISO date of an instant in a zone. */
export const localDate = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).toISODate()!;

/** One local day's part of an interval: UTC milliseconds, end exclusive. */
export interface DaySlice {
  date: string;
  from: number;
  to: number;
  /** The local day's own bounds, for rules by clock time (night hours). */
  dayStart: number;
  dayEnd: number;
}

/** A local day of a zone: its ISO date and its bounds in UTC milliseconds, end exclusive. */
interface LocalDay {
  date: string;
  start: number;
  end: number;
}

/** How many (zone, UTC day) entries `localDaysCache` keeps before it starts afresh. */
const LOCAL_DAYS_CACHE_SIZE = 20_000;
const localDaysCache = new Map<string, LocalDay[]>();

/**
 * The local days of `zone` that overlap the UTC day `utcDay` (days since 1970), worked out with
 * Luxon once and then remembered: asking a zone's offset (Intl) was most of what costing or
 * accruing an entry took, and a backlog asks about the same few days thousands of times.
 */
function localDaysOver(utcDay: number, zone: string): LocalDay[] {
  const key = `${zone}|${utcDay}`;
  let days = localDaysCache.get(key);
  if (days === undefined) {
    days = [];
    const stop = (utcDay + 1) * DAY_MS;
    let day = localDayOf(DateTime.fromMillis(utcDay * DAY_MS, { zone }).startOf('day'));
    days.push(day);
    while (day.end < stop) {
      day = localDayOf(DateTime.fromMillis(day.end, { zone }));
      days.push(day);
    }
    if (localDaysCache.size >= LOCAL_DAYS_CACHE_SIZE) localDaysCache.clear();
    localDaysCache.set(key, days);
  }
  return days;
}

/** The local day of `zone` that holds the instant `ms`. */
function localDayAt(ms: number, zone: string): LocalDay {
  const found = localDaysOver(Math.floor(ms / DAY_MS), zone).find(
    (day) => day.start <= ms && ms < day.end,
  );
  return found ?? localDayOf(DateTime.fromMillis(ms, { zone }).startOf('day'));
}

/** The local day that starts at `start`. */
function localDayOf(start: DateTime): LocalDay {
  const end = start.plus({ days: 1 }).startOf('day');
  return { date: start.toISODate()!, start: start.toMillis(), end: end.toMillis() };
}

/** Cuts [start, end) at the local midnights of `zone`. */
export function splitByLocalDay(start: Date, end: Date, zone: string): DaySlice[] {
  const slices: DaySlice[] = [];
  const stop = end.getTime();
  for (let cursor = start.getTime(); cursor < stop;) {
    const day = localDayAt(cursor, zone);
    // A zone Luxon does not know has no days (NaN bounds): no slices, as before the cache.
    if (!(day.end > cursor)) break;
    slices.push({
      date: day.date,
      from: cursor,
      to: Math.min(stop, day.end),
      dayStart: day.start,
      dayEnd: day.end,
    });
    cursor = day.end;
  }
  return slices;
}

/** Real elapsed minutes of the overlap of [a, b) and [c, d), from UTC milliseconds. */
export const overlapMinutes = (a: number, b: number, c: number, d: number): number =>
  Math.max(0, Math.min(b, d) - Math.max(a, c)) / 60000;

/**
 * Minutes of a slice that fall in the night, from `nightStartHour` (default 23:00) to
 * `nightEndHour` (default 06:00) local time, either side of the slice's midnight.
 */
export function nightMinutes(
  slice: DaySlice,
  zone: string,
  nightStartHour = 23,
  nightEndHour = 6,
): number {
  const { morningEnd, eveningStart } = nightBounds(
    slice.dayStart,
    zone,
    nightStartHour,
    nightEndHour,
  );
  return (
    overlapMinutes(slice.from, slice.to, slice.dayStart, morningEnd) +
    overlapMinutes(slice.from, slice.to, eveningStart, slice.dayEnd)
  );
}

const nightBoundsCache = new Map<string, { morningEnd: number; eveningStart: number }>();

/** When a local day's morning night hours end and its evening ones start; remembered, as above. */
function nightBounds(dayStart: number, zone: string, startHour: number, endHour: number) {
  const key = `${zone}|${dayStart}|${startHour}|${endHour}`;
  let bounds = nightBoundsCache.get(key);
  if (bounds === undefined) {
    const day = DateTime.fromMillis(dayStart, { zone });
    bounds = {
      morningEnd: day.set({ hour: endHour }).toMillis(),
      eveningStart: day.set({ hour: startHour }).toMillis(),
    };
    if (nightBoundsCache.size >= LOCAL_DAYS_CACHE_SIZE) nightBoundsCache.clear();
    nightBoundsCache.set(key, bounds);
  }
  return bounds;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** UTC midnight of a calendar date written YYYY-MM-DD, in ms; undefined for anything else. */
function utcMidnight(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0 to 99 as they are.
  at.setUTCFullYear(year, month - 1, day);
  // A day past its month's end (2025-02-30) rolls over: it is no date.
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day ? at.getTime() : undefined;
}

/** YYYY-MM-DD of a UTC instant with a four-digit year; undefined outside them. */
function isoDateAt(ms: number): string | undefined {
  const at = new Date(ms);
  const year = at.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  return `${String(year).padStart(4, '0')}-${twoDigits(at.getUTCMonth() + 1)}-${twoDigits(at.getUTCDate())}`;
}

// Balances, accruals and day moves call these in their inner loops: plain UTC arithmetic on
// the common form, Luxon for anything else, with the same answers (tests/calendar.test.ts).

/** Days from `a` to `b`, both ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  const from = utcMidnight(a);
  const to = utcMidnight(b);
  if (from !== undefined && to !== undefined) return Math.round((to - from) / DAY_MS);
  return Math.round(
    DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days,
  );
}

/**
 * The ISO date `months` after `date` (before it when negative); a day past the end of the
 * month it lands in becomes that month's last day (31 January plus a month: 28 February).
 */
export function addMonths(date: string, months: number): string {
  const match = ISO_DATE.exec(date);
  if (match && utcMidnight(date) !== undefined && Number.isInteger(months)) {
    const index = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
    const [year, month] = [Math.floor(index / 12), index % 12];
    // Day 0 of the next month is this month's last day.
    const lastDay = new Date(Date.UTC(2000, month + 1, 0)).getUTCDate();
    const leapFebruary = month === 1 && lastDay === 29 && !isLeapYear(year) ? 28 : lastDay;
    const day = Math.min(Number(match[3]), leapFebruary);
    if (year >= 0 && year <= 9999)
      return `${String(year).padStart(4, '0')}-${twoDigits(month + 1)}-${twoDigits(day)}`;
  }
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ months }).toISODate()!;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The ISO date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const from = utcMidnight(date);
  const sum =
    from !== undefined && Number.isInteger(days) ? isoDateAt(from + days * DAY_MS) : undefined;
  return sum ?? DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/**
 * The days the platform takes from outside: from 1900 (no one working now was hired before)
 * to 2199. Nothing further out is a real date of work, leave or pay, and the window keeps
 * every year arithmetic (leave years, agreement years, holidays) inside four digits.
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';
const [FIRST_YEAR, LAST_YEAR] = [1900, 2199];

/** A calendar date `YYYY-MM-DD` that exists and lies in the platform's window (FIRST_DAY to LAST_DAY). */
export const isIsoDate = (value: string): boolean =>
  value >= FIRST_DAY && value <= LAST_DAY && utcMidnight(value) !== undefined;

// RFC 3339: date, time with seconds (fraction optional), and an offset, which is required.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * The instant of an RFC 3339 date-time with an offset, on a day that exists in the
 * platform's window (1900 to 2199); undefined for anything else, so each domain refuses it
 * with its own error.
 */
export function readDateTime(value: unknown): Date | undefined {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetOk = match[9] === undefined || (Number(match[9]) < 24 && Number(match[10]) < 60);
  const date = new Date(Date.UTC(year, month - 1, day));
  const inWindow = year >= FIRST_YEAR && year <= LAST_YEAR;
  const dayOk = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && inWindow;
  if (!dayOk || hour > 23 || minute > 59 || second > 59 || !offsetOk) return undefined;
  const instant = new Date(value as string);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/**
 * `readDateTime`, or the error `refuse` makes (the platform's BAD_USER_INPUT by default, a
 * domain's own `invalid` where it has one) naming `field`.
 */
export function requireDateTime(
  value: unknown,
  field: string,
  refuse: (field: string, message: string) => Error = badInput,
): Date {
  const instant = readDateTime(value);
  if (instant) return instant;
  throw refuse(
    field,
    `${field} must be an RFC 3339 date-time with an offset, e.g. 2025-04-01T09:00:00+01:00, from 1900 to 2199.`,
  );
}

/**
 * A calendar date `YYYY-MM-DD` that exists, from 1900 to 2199 (as `readDateTime` takes
 * instants), or the error `refuse` makes naming `field`.
 */
export function requireDate(
  value: unknown,
  field: string,
  refuse: (field: string, message: string) => Error = badInput,
): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw refuse(field, `${field} must be a calendar date as YYYY-MM-DD, from 1900 to 2199.`);
}

/** A zone name luxon (and so the IANA database) knows. */
export const isTimeZone = (zone: string): boolean => DateTime.now().setZone(zone).isValid;
