import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedJob } from '../../../messaging';
import { intervalJob } from '../intervalJob';

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
 * The scheduled job that sends queued e-mail once per interval; a failed run is retried until
 * delivery resumes (see `intervalJob`). Failed sends do not fail the run; they are per e-mail.
 */
export function mailDeliveryJob(options: MailDeliveryJobOptions): CataloguedJob {
  const { deliver, ...timing } = options;
  return intervalJob({ ...timing, work: deliver });
}
