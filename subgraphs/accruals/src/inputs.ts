import { daysBetween, isIsoDate } from '../../../runtime';
import { invalid } from './errors';

/** The most days `accrualDays` answers for at once. */
export const MAX_DAYS = 366;

/** A calendar date, YYYY-MM-DD, or bad input naming `field`. */
export function isoDate(field: string, value: string): string {
  if (!isIsoDate(value)) throw invalid(field, `${field} must be a date, YYYY-MM-DD.`);
  return value;
}

/** The days `from` to `to` (inclusive), at most {@link MAX_DAYS}: how many there are. */
export function dayCount(from: string, to: string): number {
  isoDate('from', from);
  isoDate('to', to);
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw invalid('to', 'to must not be before from.');
  if (span > MAX_DAYS) throw invalid('to', `At most ${MAX_DAYS} days at a time.`);
  return span;
}

export function correlationId(value: string): string {
  if (!value) throw invalid('correlationId', 'correlationId must not be empty.');
  return value;
}
