/** Today as YYYY-MM-DD in the browser's zone. */
export function localDate(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00`);
  date.setDate(date.getDate() + days);
  return localDate(date);
};

/** A datetime-local value (no zone) as RFC 3339 with the browser's offset. */
export function toOffsetDateTime(local: string): string {
  return new Date(local).toISOString();
}

/** RFC 3339 as a datetime-local input value in the browser's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A length of time in minutes as people read it: `6 h 52 min`, `45 min`, `2 h`. */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = Math.round(total % 60);
  if (!hours) return `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

/**
 * A day (YYYY-MM-DD) as people read it, in the browser's language: `Jun 30, 2030`,
 * `30 Jun 2030`. Read at midnight UTC and shown in UTC, so no zone moves it to another day;
 * anything else (a day half typed) as it is.
 */
export function formatDate(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

/** A month (YYYY-MM) in words: `March 2026`; anything else as it is. */
export function monthLabel(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A span of days, or one day when it starts and ends on the same. */
export const formatDays = (from: string, to: string) =>
  from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;

/** An instant as people read it, in the same style as a day: in `timeZone`, or the browser's. */
export const formatDateTime = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
