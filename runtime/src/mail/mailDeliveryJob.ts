import type { EntityManager } from '@mikro-orm/core';
import { type CataloguedJob, ScheduledJob } from '../../../messaging';

/** What a mail delivery job is made of. */
export interface MailDeliveryJobOptions {
  /** The job's name in the scheduler. */
  name: string;
  /** How often it runs: one occurrence per interval. */
  intervalMs: number;
  now: () => Date;
  /** Sends what is due at `at`, in the run's transaction. */
  deliver(em: EntityManager, at: Date): Promise<unknown>;
}

/**
 * The scheduled job that sends queued e-mail once per interval. The next occurrence is planned
 * only after a run that completed: a failed run (the database was down) is retried with the
 * scheduler's backoff for ever, so delivery resumes on its own. Failed sends do not fail the
 * run; they are per e-mail.
 */
export function mailDeliveryJob(options: MailDeliveryJobOptions): CataloguedJob {
  const { name, intervalMs } = options;
  return {
    name,
    maxAttempts: Number.MAX_SAFE_INTEGER,
    async run({ em }) {
      const at = options.now();
      await options.deliver(em, at);
      // Occurrences are one per interval; forget done ones after a day.
      await em.nativeDelete(ScheduledJob, {
        job: name,
        status: { $in: ['DONE', 'FAILED'] },
        finishedAt: { $lt: new Date(at.getTime() - 24 * 3600_000) },
      });
    },
    plan(at) {
      const slot = Math.floor(at.getTime() / intervalMs) + 1;
      return [{ id: `${name}:${slot}`, job: name, runAt: new Date(slot * intervalMs) }];
    },
  };
}
