/** Calendar months as `YYYY-MM`, worked out in UTC so no clock change moves a day. */

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** Every day of `month`, first to last, as `YYYY-MM-DD`. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (const date = utc(`${month}-01`); date.toISOString().startsWith(month);) {
    days.push(date.toISOString().slice(0, 10));
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return days;
}

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: string, count: number): string {
  const date = utc(`${month}-01`);
  date.setUTCMonth(date.getUTCMonth() + count);
  return date.toISOString().slice(0, 7);
}

/** `Mon 2 March 2026`. */
export const dayLabel = (day: string) =>
  utc(day).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** `M`, `T`, … for a column heading. */
export const weekdayInitial = (day: string) =>
  utc(day).toLocaleDateString(undefined, { weekday: 'narrow', timeZone: 'UTC' });

export const isWeekend = (day: string) => [0, 6].includes(utc(day).getUTCDay());
