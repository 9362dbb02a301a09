import {
  longerThan,
  MAX_ENTRY_MINUTES,
  readIdempotencyKey,
  requireDate,
  requireDateTime,
} from '../../../runtime';
import type { ComplianceExceptionInput } from './workingTimeBreaches';
import { PERIOD_TYPES, type PeriodType } from './entities';
import { invalid } from './errors';

/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface RecordTimeEntryInput {
  idempotencyKey?: string | null;
  employeeId: string;
  periodType: PeriodType;
  shiftType?: string | null;
  startTime: string;
  endTime?: string | null;
  mealBreakMinutes?: number | null;
  complianceException?: ComplianceExceptionInput | null;
}

/** Absent fields stay as they are; `endTime: null` opens the entry again. */
export interface AmendTimeEntryInput {
  id: string;
  expectedVersion?: number | null;
  periodType?: PeriodType | null;
  shiftType?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  mealBreakMinutes?: number | null;
  complianceException?: ComplianceExceptionInput | null;
}

export interface DeleteTimeEntryInput {
  id: string;
  expectedVersion?: number | null;
}

export interface ScheduledShiftInput {
  start: string;
  end: string;
  shiftType?: string | null;
}

export interface PublishScheduleInput {
  idempotencyKey?: string | null;
  employeeId: string;
  shifts: ScheduledShiftInput[];
}

/* The checks of the inputs' fields: each bad one is BAD_USER_INPUT naming its field. */

export const MAX_SHIFT_TYPE = 50;
export const MAX_SHIFTS = 500;
/** The longest shift a schedule plans or entry lasts: a week, as the longest a policy may allow. */
export const MAX_SHIFT_MS = MAX_ENTRY_MINUTES * 60_000;

/** An instant given as RFC 3339 with an offset; anything else is BAD_USER_INPUT naming `field`. */
export const dateTime = (field: string, value: unknown): Date =>
  requireDateTime(value, field, invalid);

export function optionalDateTime(field: string, value: unknown): Date | null {
  return value === null || value === undefined ? null : dateTime(field, value);
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = (field: string, value: unknown): string =>
  requireDate(value, field, invalid);

export function periodType(value: unknown): PeriodType {
  if (!PERIOD_TYPES.includes(value as PeriodType))
    throw invalid('periodType', `periodType must be one of ${PERIOD_TYPES.join(', ')}.`);
  return value as PeriodType;
}

/** Free text, trimmed, at most 50 characters; blank or null means none. */
export function shiftType(value: unknown, field = 'shiftType'): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (longerThan(trimmed, MAX_SHIFT_TYPE))
    throw invalid(field, `${field} must be at most ${MAX_SHIFT_TYPE} characters.`);
  return trimmed || null;
}

/** A meal break: a whole number of minutes, 0 or more. */
export function mealBreak(mealBreakMinutes: number): void {
  if (!Number.isInteger(mealBreakMinutes) || mealBreakMinutes < 0)
    throw invalid('mealBreakMinutes', 'mealBreakMinutes must be a whole number, 0 or more.');
}

/**
 * End after start and at most a week later, whatever the policy or an HR exception allows
 * (the bound consumers hold the events to); the meal break 0 or more and shorter than the
 * period (when it is closed).
 */
export function period(start: Date, end: Date | null, mealBreakMinutes: number): void {
  if (end && end.getTime() <= start.getTime())
    throw invalid('endTime', 'endTime must be after startTime.');
  if (end && end.getTime() - start.getTime() > MAX_SHIFT_MS)
    throw invalid('endTime', 'endTime must be at most 7 days after startTime.');
  mealBreak(mealBreakMinutes);
  if (end && mealBreakMinutes * 60_000 >= end.getTime() - start.getTime())
    throw invalid('mealBreakMinutes', 'mealBreakMinutes must be less than the period.');
}

export function version(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw invalid(field, `${field} must be 1 or more.`);
  return value;
}

/** A create's idempotency key, as the kit reads it. */
export const idempotencyKey = (value: unknown): string | null => readIdempotencyKey(value, invalid);

/** The window `[from, to)` of a read, both instants with offsets, `to` after `from`. */
export function window(from: unknown, to: unknown): { from: Date; to: Date } {
  const start = dateTime('from', from);
  const end = dateTime('to', to);
  if (end.getTime() <= start.getTime()) throw invalid('to', 'to must be after from.');
  return { from: start, to: end };
}

/** A checked shift of a schedule. */
export interface Shift {
  start: Date;
  end: Date;
  shiftType: string | null;
}

/** The shifts of a publication in start order: one to 500, each valid, none overlapping. */
export function scheduledShifts(input: ScheduledShiftInput[]): Shift[] {
  if (!Array.isArray(input) || input.length === 0)
    throw invalid('shifts', 'shifts must hold at least one shift.');
  if (input.length > MAX_SHIFTS)
    throw invalid('shifts', `shifts must hold at most ${MAX_SHIFTS} shifts.`);
  const shifts = input.map((shift, i) => {
    const start = dateTime(`shifts[${i}].start`, shift.start);
    const end = dateTime(`shifts[${i}].end`, shift.end);
    if (end.getTime() <= start.getTime())
      throw invalid(`shifts[${i}].end`, 'A shift must end after it starts.');
    if (end.getTime() - start.getTime() > MAX_SHIFT_MS)
      throw invalid(`shifts[${i}].end`, 'A shift must end at most 7 days after it starts.');
    return { start, end, shiftType: shiftType(shift.shiftType, `shifts[${i}].shiftType`) };
  });
  shifts.sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let i = 1; i < shifts.length; i++)
    if (shifts[i].start.getTime() < shifts[i - 1].end.getTime())
      throw invalid('shifts', 'The shifts of a schedule must not overlap one another.');
  return shifts;
}
