import { DateTime } from 'luxon';
import { isPublicHoliday, isWeekendDate, nightMinutes, splitByLocalDay } from '../../../runtime';
import type { EventData } from '../../../messaging';
import type { AccrualType } from './entities';

/** The entry fields the rules read. */
export interface EntryFacts {
  periodType: string;
  startTime: Date;
  endTime: Date | null | undefined;
  mealBreakMinutes: number;
}

/** What an entry adds to one type on one local day (minutes, or 1 for ON_CALL). */
export interface DayAmount {
  accrualType: AccrualType;
  date: string;
  amount: number;
}

const WORKED = new Set(['SHIFT', 'OVERTIME', 'TRAINING']);

/**
 * What one time entry adds to each accrual type on each local day of the employee's zone.
 * An open entry (no end) adds nothing until it is closed. Minutes are real elapsed time
 * (UTC instants), split at local midnights, so a DST night counts 7 or 9 hours as worked.
 */
export function contributionsOf(entry: EntryFacts, zone: string, location: string): DayAmount[] {
  if (!entry.endTime) return [];
  if (entry.periodType === 'ON_CALL') {
    const date = DateTime.fromJSDate(entry.startTime, { zone }).toISODate()!;
    const accrualType: AccrualType = isPublicHoliday(location, date)
      ? 'ON_CALL_PUBLIC_HOLIDAY'
      : isWeekendDate(date)
        ? 'ON_CALL_WEEKEND'
        : 'ON_CALL_WEEKDAY';
    return [{ accrualType, date, amount: 1 }];
  }
  if (!WORKED.has(entry.periodType)) return [];
  const out: DayAmount[] = [];
  const add = (accrualType: AccrualType, date: string, minutes: number) => {
    const amount = Math.round(minutes);
    if (amount > 0) out.push({ accrualType, date, amount });
  };
  // The meal break is taken off the first day's ANNUAL_TARGET_HOURS (any part longer than
  // that day spills to the next); it does not reduce night, weekend or holiday hours,
  // since the entry does not say when the break was taken.
  let mealLeft = entry.mealBreakMinutes;
  for (const slice of splitByLocalDay(entry.startTime, entry.endTime, zone)) {
    const minutes = (slice.to - slice.from) / 60000;
    const meal = Math.min(mealLeft, minutes);
    mealLeft -= meal;
    add('ANNUAL_TARGET_HOURS', slice.date, minutes - meal);
    add('NIGHT_HOURS', slice.date, nightMinutes(slice, zone));
    if (isWeekendDate(slice.date)) add('WEEKEND_HOURS', slice.date, minutes);
    if (isPublicHoliday(location, slice.date)) add('PUBLIC_HOLIDAY_HOURS', slice.date, minutes);
  }
  return out;
}

type StatusChangedData = EventData<'accruals.balance_status.changed'>;

/** How far worked is from the expected share, and on which side (the event's statuses). */
export type AccrualStatus = StatusChangedData['status'];

/**
 * How far worked is from expected, in per cent of expected (negative when behind); null
 * when nothing is expected yet.
 */
export function deviationPercent(worked: number, expected: number): number | null {
  if (expected <= 0) return null;
  return ((worked - expected) / expected) * 100;
}

/** The band of the gap between worked and expected, in per cent of expected. */
export function statusOf(worked: number, expected: number): AccrualStatus {
  const gap = deviationPercent(worked, expected);
  if (gap === null) return worked <= 0 ? 'ON_TRACK' : 'AHEAD_25_PLUS';
  // Rounded to 1e-9 so 95 of 100 is exactly 5 % and stays ON_TRACK.
  const band = Math.round(Math.abs(gap) * 1e9) / 1e9;
  if (band <= 5) return 'ON_TRACK';
  const side = gap < 0 ? 'BEHIND' : 'AHEAD';
  if (band <= 15) return `${side}_5_15`;
  if (band <= 25) return `${side}_15_25`;
  return `${side}_25_PLUS`;
}

export type AccrualBand = NonNullable<StatusChangedData['band']>;

/** The size band of a status, whichever side; null for ON_TRACK. */
export function bandOf(status: AccrualStatus): AccrualBand | null {
  if (status.endsWith('_5_15')) return '5-15';
  if (status.endsWith('_15_25')) return '15-25';
  if (status.endsWith('_25_PLUS')) return '25+';
  return null;
}
