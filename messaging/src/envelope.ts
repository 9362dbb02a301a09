import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { MessagingConfigError } from './errors';
import type { EventDraft, EventEnvelope, EventMeta, Namespace } from './types';
import type { CataloguedDraft } from './eventTypes';

/** A draft of a catalogued type, or of any type (the layers below the subgraphs, and tests). */
type AnyDraft = EventDraft | CataloguedDraft;

/** Production names: `HR_EVENTS` over `hr.>`, `HR_DLQ` over `hrdlq.>`. */
export const DEFAULT_NAMESPACE: Namespace = Object.freeze({ streamPrefix: '', subjectPrefix: '' });

/**
 * A namespace whose streams and subjects carry `id` (`t1a2b` -> `T1A2B_HR_EVENTS` over
 * `t1a2b.hr.>`), so several environments or test suites can share one NATS server.
 * Without an id, the production namespace.
 */
export function createNamespace(id?: string): Namespace {
  if (id === undefined || id === '') return DEFAULT_NAMESPACE;
  // One subject token that is also valid in a stream name.
  if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(id)) {
    throw new MessagingConfigError(`Namespace id "${id}" must be 1-32 letters or digits.`);
  }
  return { streamPrefix: `${id.toUpperCase()}_`, subjectPrefix: `${id.toLowerCase()}.` };
}

/** A fresh random namespace, e.g. `T1A2B3C4_HR_EVENTS` over `t1a2b3c4.hr.>`. */
export const createTestNamespace = (): Namespace =>
  createNamespace(`T${crypto.randomBytes(4).toString('hex')}`);

/** The NATS subject of an event type: `hr.<type>` under the namespace. */
export const subjectFor = (type: string, ns: Namespace): string => `${ns.subjectPrefix}hr.${type}`;

/** The event type a subject carries, or undefined when the subject is not an event subject. */
export function typeFromSubject(subject: string, ns: Namespace): string | undefined {
  const prefix = subjectFor('', ns);
  return subject.startsWith(prefix) && subject.length > prefix.length
    ? subject.slice(prefix.length)
    : undefined;
}

/** Subjects of every event: what the events stream stores. */
export const allEventsSubject = (ns: Namespace): string => `${ns.subjectPrefix}hr.>`;

/** Name of the stream that stores every event. */
export const eventsStream = (ns: Namespace): string => `${ns.streamPrefix}HR_EVENTS`;

/** Name of the stream that stores dead letters. */
export const deadLetterStream = (ns: Namespace): string => `${ns.streamPrefix}HR_DLQ`;

/** Subjects of every dead letter; `hrdlq` is its own first token, so it never overlaps `hr.>`. */
export const allDeadLettersSubject = (ns: Namespace): string => `${ns.subjectPrefix}hrdlq.>`;

/**
 * Where a consumer puts the events it gives up on: `hrdlq.<consumer>.<type>`, so the
 * stream filters and counts dead letters by consumer and type; `hrdlq.<consumer>` without
 * a type. Either part may be `*` (any).
 */
export const deadLetterSubject = (ns: Namespace, consumer: string, type?: string): string =>
  `${ns.subjectPrefix}hrdlq.${consumer}${type === undefined ? '' : `.${type}`}`;

/**
 * The core NATS subject on which a consumer answers replay requests. Outside `hr.>` and
 * `hrdlq.>`, so no stream stores (and acknowledges) the requests.
 */
export const replaySubject = (ns: Namespace, consumer: string): string =>
  `${ns.subjectPrefix}hrreplay.${consumer}`;

/** The `source` of the events a subgraph publishes: `/subgraphs/<name>`. */
export const sourceFor = (subgraph: string): string => `/subgraphs/${subgraph}`;

/** The `dataschema` URI of a contract: `urn:hr:events:<type>:v<version>`. */
export const dataschemaFor = (type: string, version: number): string =>
  `urn:hr:events:${type}:v${version}`;

/**
 * A new CloudEvents envelope for a producer's draft: a fresh UUIDv7 id (time ordered, and
 * the JetStream msgID), the current time, and the chain attributes from `meta`.
 */
export function createEvent(draft: CataloguedDraft, meta: EventMeta): EventEnvelope;
export function createEvent<D extends Record<string, unknown>>(
  draft: EventDraft<D>,
  meta: EventMeta,
): EventEnvelope<D>;
export function createEvent(draft: AnyDraft, meta: EventMeta): EventEnvelope;
export function createEvent(draft: AnyDraft, meta: EventMeta): EventEnvelope {
  const dataversion = draft.dataversion ?? 1;
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: meta.source,
    type: draft.type,
    subject: draft.subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataschemaFor(draft.type, dataversion),
    dataversion,
    correlationid: meta.correlationId,
    // Absent extensions are left out rather than serialised as null.
    ...(meta.causationId !== undefined && { causationid: meta.causationId }),
    ...(meta.actor !== undefined && { actor: meta.actor }),
    ...(meta.requestId !== undefined && { requestid: meta.requestId }),
    ...(meta.traceparent !== undefined && { traceparent: meta.traceparent }),
    data: draft.data as Record<string, unknown>,
  };
}
