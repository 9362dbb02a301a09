import {
  DEFAULT_LOCATION,
  DEFAULT_TIME_ZONE,
  isPublicHoliday,
  nightMinutes,
  splitByLocalDay,
} from '../../../runtime';
import type { Dated, RateCard } from './entities';
import { MULTIPLIER_SCALE, roundHalfEven } from './money';

/**
 * How a time entry costs money, as a pure function of the entry, the employee and the rate
 * cards. The ledger holds exactly this for every entry's latest version; the property tests
 * recompute it from scratch.
 *
 * Rules:
 * - SHIFT, TRAINING and OVERTIME entries are paid; ON_CALL, ABSENCE, SCHEDULED_REST_DAY and
 *   NON_WORKING_DAY cost nothing here. An open entry (no end) costs nothing until closed.
 * - The entry is cut at the employee's local midnights (as accruals does); each local day is
 *   one posting, at the rate card of the employee's grade in effect that day. A paid day
 *   with no employee, grade, department or card is not costed at 0: it is uncosted, with
 *   the reason, until a rate covers it.
 * - Each minute is paid at the base hourly rate times the highest multiplier that applies
 *   to it: overtime (OVERTIME entries), night (23:00-06:00 local), public holiday (a holiday
 *   of the employee's location); premiums do not stack. Minutes are real elapsed time.
 * - The unpaid meal break comes off the first day's minutes, daytime minutes first, then
 *   night minutes, spilling to the next day if longer.
 * - A day's amount is computed exactly (BigInt) and rounded half-even once.
 */

const PAID = new Set(['SHIFT', 'OVERTIME', 'TRAINING']);
const MS_PER_HOUR = 3_600_000n;

export interface CostableEntry {
  periodType: string;
  startTime: Date;
  endTime: Date | null | undefined;
  mealBreakMinutes: number;
  deleted?: boolean;
}

/** What the costing needs of an employee. */
export interface CostableEmployee {
  timeZone: string;
  location: string;
  grades: Dated[];
  departments: Dated[];
}

/** One local day of an entry, costed. */
export interface DayCost {
  workDate: string;
  amountMinor: number;
  currency: string;
  department: string;
  rateCardId: string;
}

/** Why a paid day of an entry could not be costed. */
export type UncostedReason = 'EMPLOYEE_UNKNOWN' | 'NO_GRADE' | 'NO_DEPARTMENT' | 'NO_RATE_CARD';

/** One paid local day of an entry that has no cost yet, and why. */
export interface UncostedDay {
  workDate: string;
  reason: UncostedReason;
  /** The employee's grade that day, when there is one. */
  grade: string | null;
}

/** What an entry costs, and the paid days it cannot be costed on yet. */
export interface EntryAssessment {
  costs: DayCost[];
  uncosted: UncostedDay[];
}

/** The value in force on a day: among values whose `from` has come, the newest version. */
export function valueOn(history: Dated[], date: string): string | null {
  let best: Dated | null = null;
  for (const item of history)
    if (item.from <= date && (!best || item.version > best.version)) best = item;
  return best?.value ?? null;
}

/** Cards of one grade, the newest set per day, latest day first; built once per batch. */
export class RateBook {
  private readonly byGrade = new Map<string, RateCard[]>();

  constructor(cards: RateCard[]) {
    const newest = new Map<string, RateCard>();
    for (const card of cards) {
      const key = `${card.grade}|${card.effectiveFrom}`;
      const seen = newest.get(key);
      if (!seen || seen.id < card.id) newest.set(key, card);
    }
    for (const card of newest.values()) {
      const list = this.byGrade.get(card.grade) ?? [];
      list.push(card);
      this.byGrade.set(card.grade, list);
    }
    for (const list of this.byGrade.values())
      list.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  }

  /** The card of `grade` in effect on `date`, or null. */
  on(grade: string, date: string): RateCard | null {
    return this.byGrade.get(grade)?.find((c) => c.effectiveFrom <= date) ?? null;
  }
}

/** The cost of one entry, one item per local day that costs something, oldest first. */
export function costEntry(
  entry: CostableEntry,
  employee: CostableEmployee,
  rates: RateBook,
): DayCost[] {
  return assessEntry(entry, employee, rates).costs;
}

/** Billing's fallback for an employee it has not heard of: days cut in the default zone. */
const UNKNOWN_EMPLOYEE: CostableEmployee = {
  timeZone: DEFAULT_TIME_ZONE,
  location: DEFAULT_LOCATION,
  grades: [],
  departments: [],
};

/**
 * The cost of one entry per local day, oldest first, and the paid days that cannot be
 * costed yet (`employee` null: billing does not know the employee yet).
 */
export function assessEntry(
  entry: CostableEntry,
  employee: CostableEmployee | null,
  rates: RateBook,
): EntryAssessment {
  const out: EntryAssessment = { costs: [], uncosted: [] };
  if (entry.deleted || !entry.endTime || !PAID.has(entry.periodType)) return out;
  if (entry.endTime.getTime() <= entry.startTime.getTime()) return out;
  const who = employee ?? UNKNOWN_EMPLOYEE;
  let mealLeft = entry.mealBreakMinutes * 60000;
  const overtime = entry.periodType === 'OVERTIME';
  for (const slice of splitByLocalDay(entry.startTime, entry.endTime, who.timeZone)) {
    const total = slice.to - slice.from;
    let night = Math.round(nightMinutes(slice, who.timeZone) * 60000);
    let day = total - night;
    // The meal break comes off daytime first, then night, whatever the day's card.
    const fromDay = Math.min(mealLeft, day);
    day -= fromDay;
    mealLeft -= fromDay;
    const fromNight = Math.min(mealLeft, night);
    night -= fromNight;
    mealLeft -= fromNight;
    if (day + night <= 0) continue;

    const grade = valueOn(who.grades, slice.date);
    const department = valueOn(who.departments, slice.date);
    const card = grade ? rates.on(grade, slice.date) : null;
    const gap = (reason: UncostedReason) =>
      out.uncosted.push({ workDate: slice.date, reason, grade });
    if (!employee) gap('EMPLOYEE_UNKNOWN');
    else if (!grade) gap('NO_GRADE');
    else if (!card) gap('NO_RATE_CARD');
    else if (!department) gap('NO_DEPARTMENT');
    if (!card || !department) continue;
    const holiday = isPublicHoliday(who.location, slice.date);
    let base = MULTIPLIER_SCALE;
    if (overtime) base = Math.max(base, card.overtimeMultiplier);
    if (holiday) base = Math.max(base, card.publicHolidayMultiplier);
    const atNight = Math.max(base, card.nightMultiplier);
    const weighted = BigInt(day) * BigInt(base) + BigInt(night) * BigInt(atNight);
    const amount = roundHalfEven(
      BigInt(card.baseHourlyRateMinor) * weighted,
      MS_PER_HOUR * BigInt(MULTIPLIER_SCALE),
    );
    // A card's rate can round a day to nothing: that day is costed, at 0, with no posting.
    if (amount === 0n) continue;
    out.costs.push({
      workDate: slice.date,
      amountMinor: Number(amount),
      currency: card.currency,
      department,
      rateCardId: card.id,
    });
  }
  return out;
}
