import type { JobDraft } from '../../messaging';
import { addDays } from './calendar';

/**
 * What a daily job's `plan` names: the occurrences of `today` and the day after, each with
 * the id `<job>:<date>`, so a day is scheduled once however often the plan repeats, and
 * today's runs at once when its time has passed.
 */
export function dailyRuns(job: string, today: string, runAt: (date: string) => Date): JobDraft[] {
  return [today, addDays(today, 1)].map((date) => ({
    id: `${job}:${date}`,
    job,
    runAt: runAt(date),
  }));
}
