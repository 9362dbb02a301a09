import { DateTime } from 'luxon';

/** The days the seed works with, all counted from today in London. */
export interface SeedCalendar {
  today: string;
  /** Monday to Friday of the 30 days before today (the last `days` of them): the time entries. */
  workdays: string[];
  /** The last ten of them at most: the days people checked in, processed by attendance. */
  attendanceDays: string[];
  /** Agreements run from the start of last leave year (1 April) for three years. */
  agreementStart: string;
  agreementEnd: string;
  /** Monday and Tuesday of the `week`th week after the first Monday three weeks out. */
  leaveDays(week: number): { startDate: string; endDate: string };
  /** A day `days` from today. */
  inDays(days: number): string;
  /** An instant of a local day and time in a zone, with its offset (RFC 3339). */
  at(date: string, time: string, zone: string): string;
}

const ATTENDANCE_DAYS = 10;

/**
 * The seed's days from `now`; `days` keeps only the last working days of the month (a
 * quicker seed for tests).
 */
export function seedCalendar(now: Date = new Date(), days?: number): SeedCalendar {
  const today = DateTime.fromJSDate(now, { zone: 'Europe/London' }).startOf('day');
  const workdays: string[] = [];
  for (let d = 30; d >= 1; d -= 1) {
    const day = today.minus({ days: d });
    if (day.weekday <= 5) workdays.push(day.toISODate()!);
  }
  if (days !== undefined) workdays.splice(0, Math.max(0, workdays.length - days));
  const leaveYear = today.month >= 4 ? today.year - 1 : today.year - 2;
  const start = DateTime.fromObject({ year: leaveYear, month: 4, day: 1 });
  const threeWeeks = today.plus({ days: 21 });
  const firstMonday = threeWeeks.plus({ days: (8 - threeWeeks.weekday) % 7 });
  return {
    today: today.toISODate()!,
    workdays,
    attendanceDays: workdays.slice(-ATTENDANCE_DAYS),
    agreementStart: start.toISODate()!,
    agreementEnd: start.plus({ years: 3 }).minus({ days: 1 }).toISODate()!,
    leaveDays(week) {
      const monday = firstMonday.plus({ weeks: week });
      return { startDate: monday.toISODate()!, endDate: monday.plus({ days: 1 }).toISODate()! };
    },
    inDays: (days) => today.plus({ days }).toISODate()!,
    at: (date, time, zone) =>
      DateTime.fromISO(`${date}T${time}`, { zone }).toISO({ suppressMilliseconds: true })!,
  };
}
