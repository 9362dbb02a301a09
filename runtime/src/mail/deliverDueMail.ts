import type { EntityManager, EntityName } from '@mikro-orm/core';
import type { MailTransport } from './smtp';

/** A row of a mail outbox: what delivery reads and marks. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  nextAttemptAt: Date;
  // Optional too: a nullable column of `defineEntity` reads `T | null | undefined`.
  lastError?: string | null;
  sentAt?: Date | null;
}

/** How an outbox's mail is delivered. */
export interface MailDelivery {
  transport: MailTransport;
  from: string;
  /** Attempts before an e-mail is FAILED. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubles per failure up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** E-mails sent per run. */
  batchSize: number;
  /** Wall-clock budget of one run, the rest waiting for the next run; none: no limit. */
  runBudgetMs?: number;
  /** Blank the text once SENT or FAILED (it holds a secret link). */
  eraseText?: boolean;
}

/** What one delivery run did. */
export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The columns of a mail queued at `now`, before its first attempt. */
export const pendingMail = (now: Date) => ({
  status: 'PENDING' as const,
  attempts: 0,
  nextAttemptAt: now,
  lastError: null,
  createdAt: now,
  sentAt: null,
});

const retryDelay = (attempts: number, base: number, max: number) =>
  Math.min(max, base * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the e-mails of `outbox` due at `now`, each once: a sent one is SENT; a failed one waits
 * with exponential backoff, and after `maxAttempts` is FAILED with its last error. Rows are
 * never deleted. Each mark is flushed as it goes, to commit with `em`'s transaction.
 */
export async function deliverDueMail<T extends OutgoingMail>(
  em: EntityManager,
  outbox: EntityName<T>,
  delivery: MailDelivery,
  now: Date,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  const due: OutgoingMail[] = await em.find<OutgoingMail>(
    outbox as EntityName<OutgoingMail>,
    { status: 'PENDING', nextAttemptAt: { $lte: now } },
    { orderBy: { nextAttemptAt: 'asc', id: 'asc' }, limit: delivery.batchSize },
  );
  const started = Date.now();
  for (const email of due) {
    if (delivery.runBudgetMs !== undefined && Date.now() - started > delivery.runBudgetMs) break;
    email.attempts += 1;
    try {
      const { to, subject, text, html } = email;
      await delivery.transport.sendMail({
        from: delivery.from,
        to,
        subject,
        text,
        ...(html === undefined ? {} : { html }),
      });
      Object.assign(email, { status: 'SENT', sentAt: now, lastError: null });
      result.sent += 1;
    } catch (error) {
      email.lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      if (email.attempts >= delivery.maxAttempts) {
        email.status = 'FAILED';
        result.failed += 1;
      } else {
        const delay = retryDelay(email.attempts, delivery.retryDelayMs, delivery.maxRetryDelayMs);
        email.nextAttemptAt = new Date(now.getTime() + delay);
        result.retried += 1;
      }
    }
    if (delivery.eraseText && email.status !== 'PENDING') email.text = '';
    await em.flush();
  }
  return result;
}
