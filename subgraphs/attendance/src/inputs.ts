import {
  addDays,
  longerThan,
  readIdempotencyKey,
  requireDate,
  requireDateTime,
} from '../../../runtime';
import { invalid } from './errors';

/** The mutations' inputs, as GraphQL hands them over (not yet checked). */
export interface CheckInInput {
  idempotencyKey?: string | null;
  employeeId?: string | null;
  time?: string | null;
  location: string;
  device: string;
}

export interface CheckOutInput {
  employeeId?: string | null;
  time?: string | null;
  location?: string | null;
  device?: string | null;
}

export interface ManualAttendanceInput {
  idempotencyKey?: string | null;
  employeeId: string;
  checkInTime: string;
  checkOutTime?: string | null;
  reason: string;
  correctsEntryId?: string | null;
}

export interface ProcessAttendanceDayInput {
  date: string;
  employeeIds?: string[] | null;
}

/* The checks of the inputs' fields: each bad one is BAD_USER_INPUT naming its field. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How far ahead of the server's clock a device's time may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** The most days a read may cover, both ends counted: `to` at most 365 days after `from`. */
export const MAX_RANGE_DAYS = 366;
export const MAX_TEXT = 200;
export const MAX_REASON = 500;

/** An instant given as RFC 3339 with an offset; anything else is BAD_USER_INPUT naming `field`. */
export const dateTime = (field: string, value: unknown): Date =>
  requireDateTime(value, field, invalid);

/** An instant not in the future (a device's clock may run a little ahead). */
export function pastDateTime(field: string, value: unknown, now: Date): Date {
  const instant = dateTime(field, value);
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalid(field, `${field} must not be in the future.`);
  return instant;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = (field: string, value: unknown): string =>
  requireDate(value, field, invalid);

/** Days `from` to `to` inclusive, `to` not before `from`, at most a year. */
export function dateRange(from: unknown, to: unknown): { from: string; to: string } {
  const first = isoDate('from', from);
  const last = isoDate('to', to);
  if (last < first) throw invalid('to', 'to must not be before from.');
  if (addDays(first, MAX_RANGE_DAYS) <= last)
    throw invalid('to', `to must be at most ${MAX_RANGE_DAYS - 1} days after from.`);
  return { from: first, to: last };
}

/** A month `YYYY-MM`; returns its first and last day. */
export function month(value: unknown): { first: string; last: string } {
  const match = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!match || Number(match[1]) < 1900)
    throw invalid('month', 'month must be a calendar month as YYYY-MM, e.g. 2025-04.');
  const first = `${value}-01`;
  const next =
    match[2] === '12'
      ? `${Number(match[1]) + 1}-01-01`
      : `${match[1]}-${String(Number(match[2]) + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

/** An id of the platform (UUID). */
export function id(field: string, value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value))
    throw invalid(field, `${field} must be an id (UUID).`);
  return value.toLowerCase();
}

/** Required text, trimmed, not blank, at most `max` characters. */
export function text(field: string, value: unknown, max = MAX_TEXT): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) throw invalid(field, `${field} must not be blank.`);
  if (longerThan(trimmed, max)) throw invalid(field, `${field} must be at most ${max} characters.`);
  if ([...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw invalid(field, `${field} must not contain control characters.`);
  return trimmed;
}

/** Optional text: absent or null is none, otherwise as {@link text}. */
export function optionalText(field: string, value: unknown, max = MAX_TEXT): string | null {
  return value === null || value === undefined ? null : text(field, value, max);
}

/** A create's idempotency key, as the kit reads it. */
export const idempotencyKey = (value: unknown): string | null => readIdempotencyKey(value, invalid);

/** Ids of a list, each valid, at most `max`, duplicates dropped. */
export function ids(field: string, value: unknown, max = 10_000): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid(field, `${field} must be a list of ids.`);
  if (value.length > max) throw invalid(field, `${field} must hold at most ${max} ids.`);
  return [...new Set(value.map((v, i) => id(`${field}[${i}]`, v)))];
}
