import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { AccountMailSchema } from './entities';

/** What sending needs of a mail transport (nodemailer's Transporter has it). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

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
    em.create(AccountMailSchema, {
      id: uuidv7(),
      to,
      subject,
      text,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }),
  );
}

/** Sends the e-mails due at `now`; a sent one keeps no text, since its link is a secret. */
export async function deliverDueMail(em: EntityManager, mail: MailSettings, now: Date) {
  const due = await em.find(
    AccountMailSchema,
    { status: 'PENDING', nextAttemptAt: { $lte: now } },
    { orderBy: { nextAttemptAt: 'asc', id: 'asc' }, limit: 50 },
  );
  let sent = 0;
  for (const email of due) {
    email.attempts += 1;
    try {
      await mail.transport.sendMail({
        from: mail.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
      Object.assign(email, { status: 'SENT', sentAt: now, text: '', lastError: null });
      sent += 1;
    } catch (error) {
      email.lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      if (email.attempts >= mail.maxAttempts) Object.assign(email, { status: 'FAILED', text: '' });
      else {
        const delay = Math.min(3600_000, mail.retryDelayMs * 2 ** (email.attempts - 1));
        email.nextAttemptAt = new Date(now.getTime() + delay);
      }
    }
    await em.flush();
  }
  return sent;
}
