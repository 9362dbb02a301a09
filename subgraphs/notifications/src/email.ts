import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { EmailOutboxSchema, type EmailOutbox } from './entities';

/** What delivery needs of a mail transport (nodemailer's Transporter has it). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<unknown>;
}

/** How e-mail is delivered; null settings mean in-app only. */
export interface EmailSettings {
  transport: MailTransport;
  from: string;
  /** Attempts before an e-mail is marked FAILED. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubles per failure. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** E-mails sent per run. */
  batchSize: number;
  /**
   * Wall-clock budget of one run; the rest waits for the next run. Keeps a run well inside the
   * scheduler's lease (60 s), so a run is never taken over (and its e-mails resent) mid-way.
   */
  runBudgetMs: number;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The e-mail of a notification; every piece of user text is escaped in the HTML part. */
export function renderEmail(
  title: string,
  body: string,
): Pick<EmailOutbox, 'subject' | 'text' | 'html'> {
  const subject = title.replace(/[\r\n]+/g, ' ').slice(0, 200);
  const paragraphs = body
    .split(/\r?\n/)
    .map((line) => escapeHtml(line))
    .join('<br>');
  const html =
    '<!doctype html><html><body style="font-family: sans-serif">' +
    `<h2>${escapeHtml(title)}</h2><p>${paragraphs}</p>` +
    '</body></html>';
  return { subject, text: `${title}\n\n${body}\n`, html };
}

/** Queues the e-mail of a notification, in the transaction that stores it. */
export function queueEmail(
  em: EntityManager,
  notification: { id: string; title: string; body: string },
  to: string,
  now: Date,
): void {
  em.persist(
    em.create(EmailOutboxSchema, {
      id: uuidv7(),
      notificationId: notification.id,
      to,
      ...renderEmail(notification.title, notification.body),
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
    }),
  );
}

export const retryDelay = (attempts: number, base: number, max: number) =>
  Math.min(max, base * 2 ** Math.max(0, attempts - 1));

/** What one delivery run did. */
export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the e-mails due at `now`, each once: a sent one is SENT; a failed one waits with
 * exponential backoff, and after `maxAttempts` is FAILED with its last error. Rows are never
 * deleted. Runs inside `em`'s transaction (the scheduler's job run), so its marks commit together.
 */
export async function deliverDueEmails(
  em: EntityManager,
  settings: EmailSettings,
  now: Date,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  const due = await em.find(
    EmailOutboxSchema,
    { status: 'PENDING', nextAttemptAt: { $lte: now } },
    { orderBy: { nextAttemptAt: 'asc', id: 'asc' }, limit: settings.batchSize },
  );
  const started = Date.now();
  for (const email of due) {
    if (Date.now() - started > settings.runBudgetMs) break;
    email.attempts += 1;
    try {
      await settings.transport.sendMail({
        from: settings.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
      email.status = 'SENT';
      email.sentAt = now;
      email.lastError = null;
      result.sent += 1;
    } catch (error) {
      email.lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      if (email.attempts >= settings.maxAttempts) {
        email.status = 'FAILED';
        result.failed += 1;
      } else {
        const delay = retryDelay(email.attempts, settings.retryDelayMs, settings.maxRetryDelayMs);
        email.nextAttemptAt = new Date(now.getTime() + delay);
        result.retried += 1;
      }
    }
    // Written as it goes; the marks commit with the run.
    await em.flush();
  }
  return result;
}
