import { DateTime } from 'luxon';
import type { PeriodType } from './entities';
import type { Breach } from './errors';
import type { WorkingTimeRules } from '../../../runtime';

/** The working-time rules, in the order they are checked (docs/working-time.md). */
export const WORKING_TIME_RULES = [
  'FUTURE_START',
  'MAX_ENTRY_LENGTH',
  'DAILY_OVERTIME_CAP',
  'MINIMUM_BREAK',
] as const;
export type WorkingTimeRule = (typeof WORKING_TIME_RULES)[number];

/** What the rules read of an entry. */
export interface EntryPeriod {
  periodType: PeriodType;
  startTime: Date;
  endTime: Date | null | undefined;
  mealBreakMinutes: number;
}

/** The fields each rule reads: an amend that changes none of them is not checked again. */
export const READS: Record<WorkingTimeRule, (keyof EntryPeriod)[]> = {
  FUTURE_START: ['periodType', 'startTime'],
  MAX_ENTRY_LENGTH: ['periodType', 'startTime', 'endTime'],
  DAILY_OVERTIME_CAP: ['periodType', 'startTime', 'endTime', 'mealBreakMinutes'],
  MINIMUM_BREAK: ['periodType', 'startTime', 'endTime', 'mealBreakMinutes'],
};

/** Planning, not time worked: these may lie ahead. */
const MAY_LIE_AHEAD: ReadonlySet<PeriodType> = new Set(['SCHEDULED_REST_DAY', 'ABSENCE']);
/** Whole days, 23 to 25 hours long across a clock change, and possibly several of them. */
const WHOLE_DAYS: ReadonlySet<PeriodType> = new Set(['SCHEDULED_REST_DAY', 'NON_WORKING_DAY']);
/** Time worked, as accruals counts it. */
const WORKED: ReadonlySet<PeriodType> = new Set(['SHIFT', 'OVERTIME', 'TRAINING']);

const minutesOf = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

/** `n` minutes as `7 h 30 min`, for messages. */
const hours = (n: number) => {
  const total = Math.round(n);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return [h && `${h} h`, m && `${m} min`].filter(Boolean).join(' ') || '0 min';
};

/** An entry must start before the end of the last day allowed, in the employee's zone. */
export function futureStart(
  entry: EntryPeriod,
  now: Date,
  zone: string,
  s: WorkingTimeRules,
): Breach | undefined {
  if (MAY_LIE_AHEAD.has(entry.periodType)) return undefined;
  // The limit is at least the start of tomorrow, so after `now`: time recorded after it began
  // passes without the zone's calendar, which costs more than the rest of the check.
  if (entry.startTime.getTime() <= now.getTime()) return undefined;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const limit = today.plus({ days: s.futureStartDays + 1 }).toJSDate();
  if (entry.startTime.getTime() < limit.getTime()) return undefined;
  const last = today.plus({ days: s.futureStartDays }).toISODate();
  return {
    rule: 'FUTURE_START',
    field: 'startTime',
    message: `A ${entry.periodType} entry may start no later than ${last} (${zone}); this one starts ${entry.startTime.toISOString()}.`,
    limit: limit.toISOString(),
    actual: entry.startTime.toISOString(),
  };
}

/** A closed entry lasts at most the longest entry; whole-day types are exempt. */
export function maxEntryLength(entry: EntryPeriod, s: WorkingTimeRules): Breach | undefined {
  if (!entry.endTime || WHOLE_DAYS.has(entry.periodType)) return undefined;
  const length = minutesOf(entry.startTime, entry.endTime);
  if (length <= s.maxEntryMinutes) return undefined;
  return {
    rule: 'MAX_ENTRY_LENGTH',
    field: 'endTime',
    message: `An entry may last at most ${hours(s.maxEntryMinutes)}; this one lasts ${hours(length)}.`,
    limit: s.maxEntryMinutes,
    actual: Math.ceil(length),
  };
}

/** A closed worked entry of more than the threshold, less its break, holds the break due. */
export function minimumBreak(entry: EntryPeriod, s: WorkingTimeRules): Breach | undefined {
  if (!entry.endTime || !WORKED.has(entry.periodType)) return undefined;
  const worked = minutesOf(entry.startTime, entry.endTime) - entry.mealBreakMinutes;
  if (worked <= s.minimumBreakAfterMinutes || entry.mealBreakMinutes >= s.minimumBreakMinutes)
    return undefined;
  return {
    rule: 'MINIMUM_BREAK',
    field: 'mealBreakMinutes',
    message: `After ${hours(s.minimumBreakAfterMinutes)} of work a meal break of at least ${s.minimumBreakMinutes} minutes is due; this entry holds ${hours(worked)} of work and a ${entry.mealBreakMinutes}-minute break.`,
    limit: s.minimumBreakMinutes,
    actual: entry.mealBreakMinutes,
    details: { afterMinutes: s.minimumBreakAfterMinutes, workedMinutes: Math.ceil(worked) },
  };
}

/**
 * Worked minutes of a closed entry per local day. The meal break comes off the first day
 * (spilling to the next when longer), as accruals counts it.
 */
export function minutesByLocalDay(entry: EntryPeriod, zone: string): Map<string, number> {
  const days = new Map<string, number>();
  if (!entry.endTime) return days;
  let mealLeft = entry.mealBreakMinutes;
  let from = DateTime.fromJSDate(entry.startTime, { zone });
  const end = DateTime.fromJSDate(entry.endTime, { zone });
  while (from < end) {
    const next = DateTime.min(from.startOf('day').plus({ days: 1 }), end);
    const minutes = next.diff(from, 'minutes').minutes;
    const meal = Math.min(mealLeft, minutes);
    mealLeft -= meal;
    const date = from.toISODate()!;
    days.set(date, (days.get(date) ?? 0) + minutes - meal);
    from = next;
  }
  return days;
}

/**
 * The OVERTIME on each local day the entry touches, with the person's other OVERTIME
 * entries (`others`, closed, excluding this one), is at most the cap.
 */
export function dailyOvertimeCap(
  entry: EntryPeriod,
  others: readonly EntryPeriod[],
  zone: string,
  s: WorkingTimeRules,
): Breach | undefined {
  if (!entry.endTime || entry.periodType !== 'OVERTIME') return undefined;
  const totals = minutesByLocalDay(entry, zone);
  for (const other of others)
    for (const [date, minutes] of minutesByLocalDay(other, zone))
      if (totals.has(date)) totals.set(date, totals.get(date)! + minutes);
  for (const [date, total] of totals) {
    if (total <= s.dailyOvertimeCapMinutes) continue;
    return {
      rule: 'DAILY_OVERTIME_CAP',
      field: 'endTime',
      message: `At most ${hours(s.dailyOvertimeCapMinutes)} of OVERTIME may be recorded on one day; on ${date} (${zone}) this makes ${hours(total)}.`,
      limit: s.dailyOvertimeCapMinutes,
      actual: Math.ceil(total),
      details: { date },
    };
  }
  return undefined;
}

/** The local days (as instants `[from, to)`) an entry touches, for reading the others. */
export function localDaysOf(entry: EntryPeriod, zone: string): { from: Date; to: Date } {
  const from = DateTime.fromJSDate(entry.startTime, { zone }).startOf('day');
  const last = DateTime.fromJSDate(entry.endTime ?? entry.startTime, { zone });
  return { from: from.toJSDate(), to: last.startOf('day').plus({ days: 1 }).toJSDate() };
}
