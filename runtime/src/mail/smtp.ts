import type nodemailer from 'nodemailer';

/** One e-mail as a transport takes it; `html` only where the mail has an HTML part. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** What sending needs of a mail transport (nodemailer's Transporter has it). */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

/** The default From address of the platform's e-mails. */
export const DEFAULT_MAIL_FROM = 'HR Platform <no-reply@hr-platform.local>';

/**
 * A transport to `url`: connecting and the greeting wait `timeoutMs`, a socket three times that.
 * nodemailer loads with the first transport: processes that send no mail never need it.
 */
export function smtpTransport(url: string, timeoutMs = 10_000): MailTransport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mailer = require('nodemailer') as typeof nodemailer;
  return mailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  } as Parameters<typeof nodemailer.createTransport>[0]);
}

/** SMTP_URL as set (undefined when unset); anything but an smtp:// or smtps:// URL throws. */
export function readSmtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw new Error('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587.');
  return raw;
}
