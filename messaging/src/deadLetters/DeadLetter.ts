import type { MsgHdrs } from '@nats-io/nats-core';
import { DeadLetterHeader, type DeadLetterReason } from '../deadLetter';
import { typeFromSubject } from '../envelope';
import type { Namespace } from '../types';
import { DeadLetterError } from './DeadLetterError';

/** An event a consumer gave up on, as kept in HR_DLQ. */
export interface DeadLetter {
  /** Its sequence in HR_DLQ, as text; opaque to clients. */
  id: string;
  /** The durable consumer that gave up, `<subgraph>_<handler>`. */
  consumer: string;
  /** The event type, from the subject it was published on. */
  type: string;
  reason: DeadLetterReason;
  /** The validation message or the handler's last error. */
  error: string;
  /** Deliveries to the consumer before it gave up. */
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  /** The subject the event was published on. */
  subject: string;
  /** The event's id, when the payload is a JSON object with a UUID as id. */
  eventId: string | null;
  /** The event envelope; null when the payload is not JSON, or was too large to copy. */
  event: Record<string, unknown> | null;
  /** The payload as text, when it is not JSON (and was copied). */
  rawPayload: string | null;
}

/** What a dead letter is read from: a stored or a delivered HR_DLQ message. */
export interface DeadLetterMessage {
  seq: number;
  subject: string;
  headers: MsgHdrs | undefined;
  data: Uint8Array;
  /** When HR_DLQ stored it. */
  time: Date;
}

const MAX_PAGE = 100;
const CONSUMER = /^[A-Za-z0-9_-]{1,100}$/;
const TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,5}$/;
// Envelopes carry UUIDs; anything else (say 300 characters) would fail the catalogue again
// when copied into a follow-up event's correlationid or data.
const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const eventIdOf = (event: Record<string, unknown> | null): string | null =>
  typeof event?.id === 'string' && EVENT_ID.test(event.id) ? event.id : null;

function parseEvent(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function dateOr(text: string | undefined, fallback: Date): Date {
  const date = text ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : fallback;
}

/** Reads a dead letter from its HR_DLQ message; missing headers get plain defaults. */
export function toDeadLetter(msg: DeadLetterMessage, ns: Namespace): DeadLetter {
  const header = (name: string) => msg.headers?.get(name) || undefined;
  const subject = header(DeadLetterHeader.subject) ?? '';
  const text = new TextDecoder().decode(msg.data);
  const event = parseEvent(text);
  const lastFailedAt = dateOr(header(DeadLetterHeader.lastFailure), msg.time);
  const omitted = header(DeadLetterHeader.payloadOmitted) !== undefined;
  return {
    id: String(msg.seq),
    consumer: header(DeadLetterHeader.consumer) ?? '',
    type: typeFromSubject(subject, ns) ?? '',
    reason: (header(DeadLetterHeader.reason) ?? 'HANDLER_FAILED') as DeadLetterReason,
    error: header(DeadLetterHeader.error) ?? '',
    attempts: Number(header(DeadLetterHeader.deliveries) ?? 0),
    firstFailedAt: dateOr(header(DeadLetterHeader.firstFailure), lastFailedAt),
    lastFailedAt,
    subject,
    eventId: eventIdOf(event),
    event,
    rawPayload: event === null && !omitted ? text : null,
  };
}

/** The HR_DLQ sequence an id stands for; INPUT_INVALID when it is not one. */
export function parseDeadLetterId(id: string, field = 'id'): number {
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) {
    throw new DeadLetterError(
      'INPUT_INVALID',
      `"${id.slice(0, 40)}" is not a dead letter id.`,
      field,
    );
  }
  return Number(id);
}

/** Which dead letters to list, and how many. */
export interface DeadLetterQuery {
  /** Page size, 0 to 100 (default 20). */
  first?: number;
  /** The `endCursor` of the previous page. */
  after?: string;
  /** Only this consumer's, `<subgraph>_<handler>`. */
  consumer?: string;
  /** Only this event type's. */
  type?: string;
}

/** A checked query: the page size, where to start, and the subject filter. */
export interface CheckedQuery {
  first: number;
  startSeq: number;
  consumer: string | undefined;
  type: string | undefined;
}

/** Checks a query's arguments, naming the one at fault. */
export function checkQuery(query: DeadLetterQuery): CheckedQuery {
  const first = query.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new DeadLetterError('INPUT_INVALID', `first must be 0 to ${MAX_PAGE}.`, 'first');
  }
  if (query.consumer !== undefined && !CONSUMER.test(query.consumer)) {
    throw new DeadLetterError(
      'INPUT_INVALID',
      'consumer must be a consumer name, <subgraph>_<handler>.',
      'consumer',
    );
  }
  if (query.type !== undefined && !TYPE.test(query.type)) {
    throw new DeadLetterError(
      'INPUT_INVALID',
      'type must be an event type, e.g. leave.request.approved.',
      'type',
    );
  }
  const startSeq = query.after === undefined ? 1 : parseDeadLetterId(query.after, 'after') + 1;
  return { first, startSeq, consumer: query.consumer, type: query.type };
}
