import { addDays, localDate } from '../../ui/dates';

/** A datetime-local value as RFC 3339; left as typed when it is not a time, for the server to name. */
export function offsetDateTime(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** `YYYY-MM-DDTHH:MM` of a day `days` from today, at a clock time. */
export const localAt = (days: number, time: string) => `${addDays(localDate(), days)}T${time}`;

/** The same datetime-local value a day later. */
export function nextDay(local: string): string {
  const [day, time] = local.split('T');
  return day && time ? `${addDays(day, 1)}T${time}` : local;
}
