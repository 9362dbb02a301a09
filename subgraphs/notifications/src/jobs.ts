import type { EntityManager } from '@mikro-orm/core';
import { type CataloguedJob, ScheduledJob } from '../../../messaging';
import { deliverDueEmails, type DeliveryResult } from './email';
import type { NotificationsSettings } from './settings';

export const DELIVER_EMAIL_JOB = 'notifications.deliverEmail';

/** Sends the e-mails due at `at` (nothing when in-app only), in `em`'s transaction. */
export const deliverer =
  (settings: NotificationsSettings) =>
  (em: EntityManager, at: Date = settings.now()): Promise<DeliveryResult> =>
    settings.email
      ? deliverDueEmails(em, settings.email, at)
      : Promise.resolve({ sent: 0, retried: 0, failed: 0 });

/** E-mail delivery, one occurrence per interval. */
export function createDeliveryJob(settings: NotificationsSettings): CataloguedJob {
  const deliver = deliverer(settings);
  const interval = settings.deliveryIntervalMs;
  return {
    name: DELIVER_EMAIL_JOB,
    // The next occurrence is planned only after a run that completed: a failed run (the
    // database was down) is retried with the scheduler's backoff (at most 15 min) for ever,
    // so delivery resumes on its own. Failed sends do not fail the run; they are per e-mail.
    maxAttempts: Number.MAX_SAFE_INTEGER,
    async run({ em }) {
      const at = settings.now();
      await deliver(em, at);
      // Occurrences are one per interval; forget done ones after a day.
      await em.nativeDelete(ScheduledJob, {
        job: DELIVER_EMAIL_JOB,
        status: { $in: ['DONE', 'FAILED'] },
        finishedAt: { $lt: new Date(at.getTime() - 24 * 3600_000) },
      });
    },
    plan(at) {
      const slot = Math.floor(at.getTime() / interval) + 1;
      return [
        {
          id: `${DELIVER_EMAIL_JOB}:${slot}`,
          job: DELIVER_EMAIL_JOB,
          runAt: new Date(slot * interval),
        },
      ];
    },
  };
}
