import { DateTime } from 'luxon';
import { isPublicHoliday } from '../runtime';

/** The zone and holiday calendar the test organisation works in. */
export const TEST_ZONE = 'Europe/London';
const LOCATION = 'ENGLAND_AND_WALES';

/** A weekday that is not a public holiday in England: a day leave is counted on. */
export function isWorkingDay(day: DateTime): boolean {
  return day.weekday <= 5 && !isPublicHoliday(LOCATION, day.toISODate()!);
}

/**
 * The working days from `from` on (itself included when it is one), going `step` days at a
 * time. Tests that pick dates relative to today take them from here, so that no run lands a
 * request on Christmas Day and fails only in December.
 */
export function* workingDays(from: DateTime, step: 1 | -1 = 1): Generator<DateTime> {
  for (let day = from; ; day = day.plus({ days: step })) if (isWorkingDay(day)) yield day;
}

/** The first `count` working days from `from` on. */
export function nextWorkingDays(from: DateTime, count: number, step: 1 | -1 = 1): DateTime[] {
  const days: DateTime[] = [];
  for (const day of workingDays(from, step)) {
    if (days.length === count) break;
    days.push(day);
  }
  return days;
}
