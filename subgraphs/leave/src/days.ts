import { DateTime } from 'luxon';
import { addDays, daysBetween, isPublicHoliday, type LeaveRules } from '../../../runtime';
import type { ChargedDay } from './entities';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Monday to Friday: the working pattern when the agreement names none. */
export const DEFAULT_WORKING_DAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** What decides which days of a request count. */
export interface DayRules {
  workingDays: readonly Weekday[];
  location: string;
  policy: Pick<LeaveRules, 'countsWeekends' | 'countsHolidays'>;
}

export interface Span {
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
}

export const weekdayOf = (date: string): Weekday =>
  WEEKDAYS[DateTime.fromISO(date, { zone: 'utc' }).weekday - 1];

/** Whether `date` is a leave day under `rules`: a working day, not a holiday (unless they count). */
export function counts(date: string, rules: DayRules): boolean {
  if (!rules.policy.countsWeekends && !rules.workingDays.includes(weekdayOf(date))) return false;
  if (!rules.policy.countsHolidays && isPublicHoliday(rules.location, date)) return false;
  return true;
}

/**
 * The days a request charges, start to end inclusive: each counted day is a whole day
 * (2 halves), except a half day at the start or the end (1 half). Days that do not
 * count (weekends off the pattern, public holidays of the location) are left out.
 */
export function chargedDays(span: Span, rules: DayRules): ChargedDay[] {
  const days: ChargedDay[] = [];
  const length = daysBetween(span.startDate, span.endDate);
  for (let i = 0; i <= length; i++) {
    const date = addDays(span.startDate, i);
    if (!counts(date, rules)) continue;
    const half =
      (date === span.startDate && span.halfDayStart) || (date === span.endDate && span.halfDayEnd);
    days.push({ date, halves: half ? 1 : 2 });
  }
  return days;
}

export const halvesOf = (days: readonly ChargedDay[]): number =>
  days.reduce((sum, day) => sum + day.halves, 0);

/** Halves charged on days inside `[from, to]` (inclusive). */
export const halvesBetween = (days: readonly ChargedDay[], from: string, to: string): number =>
  days.reduce((sum, day) => (day.date >= from && day.date <= to ? sum + day.halves : sum), 0);
