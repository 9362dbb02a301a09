import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { deliverDueMail as deliverOutbox, type MailTransport, pendingMail } from '../../../runtime';
import { AccountMailSchema } from './entities';

export type { MailTransport };

export interface MailSettings {
  transport: MailTransport;
  from: string;
  /** Attempts before an e-mail is FAILED (5). */
  maxAttempts: number;
  /** First retry delay, doubling per failure (30 s). */
  retryDelayMs: number;
}

/**
 * Queues an e-mail in `em`'s transaction: it leaves only if the change that made its link
 * commits, and a failed send is retried by the delivery job.
 */
export function queueMail(em: EntityManager, to: string, subject: string, text: string, now: Date) {
  em.persist(
    em.create(AccountMailSchema, { id: uuidv7(), to, subject, text, ...pendingMail(now) }),
  );
}

/** Sends the e-mails due at `now`; a sent one keeps no text, since its link is a secret. */
export async function deliverDueMail(em: EntityManager, mail: MailSettings, now: Date) {
  const delivery = { ...mail, maxRetryDelayMs: 3600_000, batchSize: 50, eraseText: true };
  return (await deliverOutbox(em, AccountMailSchema, delivery, now)).sent;
}
