import { JetStreamApiError, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import { Empty, headers as createHeaders, InvalidArgumentError } from '@nats-io/nats-core';
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
  /**
   * The payload's size in bytes, on a letter sent without it (too large to copy with the
   * headers); the event stays in its stream at the sequence above.
   */
  payloadOmitted: 'Hr-Dlq-Payload-Omitted',
} as const;

export type DeadLetterReason = 'EVENT_INVALID' | 'HANDLER_FAILED';

// Header values are one line; a stack or a long validation report is cut.
const headerValue = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 2000);

const MESSAGE_EXCEEDS_MAXIMUM = 10054;

/** The copy is larger than the connection (max_payload) or the stream takes: it never will fit. */
function isTooLarge(error: unknown): boolean {
  return (
    (error instanceof InvalidArgumentError && error.message.includes('max_payload')) ||
    (error instanceof JetStreamApiError && error.code === MESSAGE_EXCEEDS_MAXIMUM)
  );
}

/**
 * Copies a message a consumer gives up on to `hrdlq.<consumer>.<type>` with why and where it
 * came from, and when it first and last failed (`firstFailure` defaults to now). The msgID
 * (consumer + stream sequence) keeps a retried copy out of the stream. A payload too large to
 * copy beside the headers is left out, and said so: the letter then points at the event.
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
  const subject = deadLetterSubject(ns, consumer, type);
  const options = { headers, msgID: `${consumer}:${msg.info.stream}:${msg.seq}` };
  try {
    await js.publish(subject, msg.data, options);
  } catch (publishError) {
    if (!isTooLarge(publishError)) throw publishError;
    // Retrying the same copy would fail for ever and hold the consumer up: send the letter alone.
    const note = `The event (${msg.data.length} bytes) is too large for a dead letter; it stays in ${msg.info.stream} at sequence ${msg.seq}.`;
    headers.set(DeadLetterHeader.error, headerValue(`${note} ${error}`));
    headers.set(DeadLetterHeader.payloadOmitted, String(msg.data.length));
    await js.publish(subject, Empty, options);
  }
}
