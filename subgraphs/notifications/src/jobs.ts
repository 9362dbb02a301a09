import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedJob } from '../../../messaging';
import { type DeliveryResult, mailDeliveryJob } from '../../../runtime';
import { deliverDueEmails } from './email';
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
export const createDeliveryJob = (settings: NotificationsSettings): CataloguedJob =>
  mailDeliveryJob({
    name: DELIVER_EMAIL_JOB,
    intervalMs: settings.deliveryIntervalMs,
    now: settings.now,
    deliver: deliverer(settings),
  });
