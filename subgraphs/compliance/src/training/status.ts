import { DateTime } from 'luxon';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../../../runtime';

export const TRAINING_STATUSES = ['DUE', 'COMPLETED', 'EXPIRING', 'OVERDUE'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** The day statuses are judged on: the platform's local today (one day for everyone). */
export const trainingToday = (now: Date): string => localDate(now, DEFAULT_TIME_ZONE);

/** The day a completion on `completedOn` stops being valid; null when it never does. */
export const expiryOf = (completedOn: string, validityMonths: number | null): string | null =>
  validityMonths === null
    ? null
    : DateTime.fromISO(completedOn, { zone: 'utc' }).plus({ months: validityMonths }).toISODate()!;

/** The dates a status is judged from; an assignment row types a missing date `null | undefined`. */
export interface StatusDates {
  dueDate: string;
  completedOn?: string | null;
  expiresOn?: string | null;
}

/**
 * Where an assignment stands on `today`: a completion is valid before its expiry day;
 * EXPIRING when that day is within `reminderDays`; OVERDUE when the due date passed
 * without a valid completion, or the completion expired.
 */
export function statusOf(a: StatusDates, today: string, reminderDays: number): TrainingStatus {
  if (a.completedOn == null) return a.dueDate < today ? 'OVERDUE' : 'DUE';
  if (a.expiresOn == null) return 'COMPLETED';
  if (a.expiresOn <= today) return 'OVERDUE';
  return a.expiresOn <= addDays(today, reminderDays) ? 'EXPIRING' : 'COMPLETED';
}

/**
 * The same judgement as SQL over the assignments table aliased `a`, so a status filter is
 * a WHERE clause (ISO dates compare as text) rather than a scan in memory.
 */
export function statusCondition(
  status: TrainingStatus,
  today: string,
  reminderDays: number,
): { sql: string; params: string[] } {
  const horizon = addDays(today, reminderDays);
  switch (status) {
    case 'DUE':
      return { sql: 'a.completed_on is null and a.due_date >= ?', params: [today] };
    case 'OVERDUE':
      return {
        sql: '((a.completed_on is null and a.due_date < ?) or (a.completed_on is not null and a.expires_on <= ?))',
        params: [today, today],
      };
    case 'EXPIRING':
      return {
        sql: 'a.completed_on is not null and a.expires_on > ? and a.expires_on <= ?',
        params: [today, horizon],
      };
    case 'COMPLETED':
      return {
        sql: 'a.completed_on is not null and (a.expires_on is null or a.expires_on > ?)',
        params: [horizon],
      };
  }
}
