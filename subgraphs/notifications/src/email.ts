import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import {
  deliverDueMail,
  type DeliveryResult,
  type MailDelivery,
  pendingMail,
} from '../../../runtime';
import { EmailOutboxSchema, type EmailOutbox } from './entities';

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
      ...pendingMail(now),
    }),
  );
}

/**
 * Sends the e-mails due at `now`, each once: a sent one is SENT; a failed one waits with
 * exponential backoff, and after `maxAttempts` is FAILED with its last error. Rows are never
 * deleted. Runs inside `em`'s transaction (the scheduler's job run), so its marks commit together.
 */
export const deliverDueEmails = (
  em: EntityManager,
  settings: MailDelivery,
  now: Date,
): Promise<DeliveryResult> => deliverDueMail(em, EmailOutboxSchema, settings, now);
