import type { PropertyBuilders } from '../entityColumns';

/**
 * The columns every mail outbox has: the message, and what `deliverDueMail` reads and marks.
 * A domain adds its own (a link to what the mail is about, an HTML part) beside them.
 */
export const mailOutboxColumns = (p: PropertyBuilders) => ({
  to: p.string().length(320).fieldName('to_address'),
  subject: p.string().length(200),
  text: p.text(),
  status: p.string().$type<'PENDING' | 'SENT' | 'FAILED'>().length(10),
  attempts: p.integer(),
  nextAttemptAt: p.datetime(),
  lastError: p.text().nullable(),
  createdAt: p.datetime(),
  sentAt: p.datetime().nullable(),
});
