import type { EntityManager } from '@mikro-orm/core';
import { type CataloguedJob, ScheduledJob } from '../../messaging';

/** What a job that runs once per interval is made of. */
export interface IntervalJobOptions {
  /** The job's name in the scheduler. */
  name: string;
  /** How often it runs: one occurrence per interval. */
  intervalMs: number;
  now: () => Date;
  /** The work of one occurrence at `at`, in the run's transaction. */
  work(em: EntityManager, at: Date): Promise<unknown>;
}

const DAY_MS = 24 * 3600_000;

/**
 * A scheduled job with one occurrence per interval. The next occurrence is planned only after
 * a run that completed: a failed run (the database was down) is retried with the scheduler's
 * backoff for ever, so the work resumes on its own.
 */
export function intervalJob(options: IntervalJobOptions): CataloguedJob {
  const { name, intervalMs } = options;
  return {
    name,
    maxAttempts: Number.MAX_SAFE_INTEGER,
    async run({ em }) {
      const at = options.now();
      await options.work(em, at);
      // Occurrences are one per interval; forget done ones after a day.
      await em.nativeDelete(ScheduledJob, {
        job: name,
        status: { $in: ['DONE', 'FAILED'] },
        finishedAt: { $lt: new Date(at.getTime() - DAY_MS) },
      });
    },
    plan(at) {
      const slot = Math.floor(at.getTime() / intervalMs) + 1;
      return [{ id: `${name}:${slot}`, job: name, runAt: new Date(slot * intervalMs) }];
    },
  };
}
