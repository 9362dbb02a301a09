import { DateTime } from 'luxon';
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
