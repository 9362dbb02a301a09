import { type CataloguedJob, ScheduledJob } from '../../../messaging';
import { deliverDueMail, type MailSettings } from './mail';

export const DELIVER_MAIL_JOB = 'accounts.deliverMail';

/** The job that sends queued e-mails every `intervalMs`. */
export function deliveryJob(
  mail: MailSettings,
  now: () => Date,
  intervalMs: number,
): CataloguedJob {
  return {
    name: DELIVER_MAIL_JOB,
    maxAttempts: Number.MAX_SAFE_INTEGER,
    async run({ em }) {
      const at = now();
      await deliverDueMail(em, mail, at);
      await em.nativeDelete(ScheduledJob, {
        job: DELIVER_MAIL_JOB,
        status: { $in: ['DONE', 'FAILED'] },
        finishedAt: { $lt: new Date(at.getTime() - 24 * 3600_000) },
      });
    },
    plan(at) {
      const slot = Math.floor(at.getTime() / intervalMs) + 1;
      return [
        {
          id: `${DELIVER_MAIL_JOB}:${slot}`,
          job: DELIVER_MAIL_JOB,
          runAt: new Date(slot * intervalMs),
        },
      ];
    },
  };
}
