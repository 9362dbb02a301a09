import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { TEST_ZONE, workingDays } from '../../../test-support/workingDays';

const today = () => DateTime.now().setZone(TEST_ZONE).startOf('day');
const first = (days: Generator<DateTime>) => days.next().value!.toISODate()!;

/** The latest working day before today, as YYYY-MM-DD. */
export function pastWorkingDay(): string {
  return first(workingDays(today().minus({ days: 1 }), -1));
}

/** The first working day `days` or more from today, as YYYY-MM-DD. */
export function workingDayAfter(days: number): string {
  return first(workingDays(today().plus({ days })));
}

/**
 * A day (YYYY-MM-DD) as the app shows it in `page`'s language: `Jun 30, 2030` in American
 * English, `30 Jun 2030` in British.
 */
export async function shownDay(page: Page, day: string): Promise<string> {
  const locale = await page.evaluate<string>('navigator.language');
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}
