import { DateTime } from 'luxon';
import { addDays } from '../../ui/dates';

// A manager acts for people whose days are cut in their own zone (Employee.timeZone), which
// need not be the browser's: the forms read and write wall-clock times in the person's zone.

/**
 * A datetime-local value read in `zone`, as RFC 3339 with that zone's offset; left as typed
 * when it is not a time, for the server to name.
 */
export function offsetDateTime(local: string, zone: string): string {
  const time = DateTime.fromISO(local, { zone });
  return time.isValid ? time.toISO({ suppressMilliseconds: true })! : local;
}

/** An instant as a datetime-local value: its wall-clock time in `zone`. */
export const localInput = (iso: string, zone: string) =>
  DateTime.fromISO(iso).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");

/** Today in `zone`, as YYYY-MM-DD. */
export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;

/** `YYYY-MM-DDTHH:MM` of a day `days` from today in `zone`, at a clock time. */
export const localAt = (days: number, time: string, zone: string) =>
  `${addDays(todayIn(zone), days)}T${time}`;

/** The same datetime-local value a day later. */
export function nextDay(local: string): string {
  const [day, time] = local.split('T');
  return day && time ? `${addDays(day, 1)}T${time}` : local;
}
