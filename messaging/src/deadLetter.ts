import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as createHeaders } from '@nats-io/nats-core';
import { deadLetterSubject, typeFromSubject } from './envelope';
import type { Namespace } from './types';

/** Headers a dead letter carries next to the original payload. */
export const DeadLetterHeader = {
  /** `EVENT_INVALID` (failed the catalogue, never handled) or `HANDLER_FAILED` (after MaxDeliver). */
  reason: 'Hr-Dlq-Reason',
  /** The validation message or the handler's last error. */
  error: 'Hr-Dlq-Error',
  consumer: 'Hr-Dlq-Consumer',
  /** The subject the event was published on. */
  subject: 'Hr-Dlq-Subject',
  stream: 'Hr-Dlq-Stream',
  streamSequence: 'Hr-Dlq-Stream-Sequence',
  deliveries: 'Hr-Dlq-Deliveries',
  /** When the consumer first failed on the event (RFC 3339). */
  firstFailure: 'Hr-Dlq-First-Failure',
  /** When it gave up (RFC 3339). */
  lastFailure: 'Hr-Dlq-Last-Failure',
} as const;

export type DeadLetterReason = 'EVENT_INVALID' | 'HANDLER_FAILED';

// Header values are one line; a stack or a long validation report is cut.
const headerValue = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 2000);

/**
 * Copies a message a consumer gives up on to `hrdlq.<consumer>.<type>` with why and where it
 * came from, and when it first and last failed (`firstFailure` defaults to now). The msgID
 * (consumer + stream sequence) keeps a retried copy out of the stream.
 */
export async function publishDeadLetter(
  js: JetStreamClient,
  ns: Namespace,
  consumer: string,
  msg: JsMsg,
  reason: DeadLetterReason,
  error: string,
  firstFailure?: Date,
): Promise<void> {
  const now = new Date();
  const headers = createHeaders();
  headers.set(DeadLetterHeader.reason, reason);
  headers.set(DeadLetterHeader.error, headerValue(error));
  headers.set(DeadLetterHeader.consumer, consumer);
  headers.set(DeadLetterHeader.subject, msg.subject);
  headers.set(DeadLetterHeader.stream, msg.info.stream);
  headers.set(DeadLetterHeader.streamSequence, String(msg.seq));
  headers.set(DeadLetterHeader.deliveries, String(msg.info.deliveryCount));
  headers.set(DeadLetterHeader.firstFailure, (firstFailure ?? now).toISOString());
  headers.set(DeadLetterHeader.lastFailure, now.toISOString());
  const type = typeFromSubject(msg.subject, ns) ?? 'unknown';
  await js.publish(deadLetterSubject(ns, consumer, type), msg.data, {
    headers,
    msgID: `${consumer}:${msg.info.stream}:${msg.seq}`,
  });
}
