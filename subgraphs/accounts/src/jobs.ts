import type { CataloguedJob } from '../../../messaging';
import { mailDeliveryJob } from '../../../runtime';
import { deliverDueMail, type MailSettings } from './mail';

export const DELIVER_MAIL_JOB = 'accounts.deliverMail';

/** The job that sends queued e-mails every `intervalMs`. */
export const deliveryJob = (
  mail: MailSettings,
  now: () => Date,
  intervalMs: number,
): CataloguedJob =>
  mailDeliveryJob({
    name: DELIVER_MAIL_JOB,
    intervalMs,
    now,
    deliver: (em, at) => deliverDueMail(em, mail, at),
  });
