import { DateTimeType, EntitySchema, type EntityManager } from '@mikro-orm/core';
import { loadCatalogue, type EventCatalogue } from './catalogue';
import { subjectFor } from './envelope';
import { insertRows } from './insertRows';
import type { EventEnvelope, Namespace } from './types';

/** An event waiting in the producer's database until the relay has published it. */
export interface OutboxEntry {
  /** The event id: also the JetStream msgID, so a second publish is dropped by the server. */
  id: string;
  subject: string;
  type: string;
  /** The whole envelope as JSON. */
  payload: string;
  createdAt: Date;
  /** Null until JetStream has acknowledged the publish. */
  sentAt: Date | null;
  /** Failed publish attempts. */
  attempts: number;
  lastError: string | null;
}

/** The `outbox` table; add it to the entities of every subgraph that emits events. */
export const OutboxEntry = new EntitySchema<OutboxEntry>({
  name: 'OutboxEntry',
  tableName: 'outbox',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    subject: { type: 'string', length: 255 },
    type: { type: 'string', length: 255 },
    payload: { type: 'text' },
    createdAt: { type: DateTimeType },
    sentAt: { type: DateTimeType, nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text', nullable: true },
  },
  // The relay reads unsent rows in creation order.
  indexes: [{ properties: ['sentAt', 'createdAt'] }],
});

/** Open batches, by the entity manager their events are recorded on. */
const batches = new WeakMap<EntityManager, OutboxEntry[]>();
/** Transactions that inserted outbox rows directly, past the unit of work. */
const insertedIn = new WeakSet<object>();

/** The outbox row of an event, validated against the catalogue. */
function rowOf(event: EventEnvelope, ns: Namespace, catalogue: EventCatalogue): OutboxEntry {
  catalogue.validate(event);
  return {
    id: event.id,
    subject: subjectFor(event.type, ns),
    type: event.type,
    payload: JSON.stringify(event),
    createdAt: new Date(),
    sentAt: null,
    attempts: 0,
    lastError: null,
  };
}

/**
 * Validates an event against the catalogue and adds it to the outbox of `em`'s unit of
 * work, or to the batch open on `em` ({@link withEventBatch}). Nothing is flushed here: the
 * row commits, or rolls back, with the caller's change.
 */
export function recordEvent(
  em: EntityManager,
  event: EventEnvelope,
  ns: Namespace,
  catalogue: EventCatalogue = loadCatalogue(),
): void {
  const row = rowOf(event, ns, catalogue);
  const batch = batches.get(em);
  if (batch) batch.push(row);
  else em.persist(em.create(OutboxEntry, row));
}

/**
 * Runs `work` with the events recorded on `em` held back, then inserts them together, in
 * order ({@link insertRows}). Many events in one transaction (an import's batch) then cost a
 * few statements, not an entity each in the unit of work. `em` must be in a transaction:
 * the rows commit or roll back with the rest of it.
 */
export async function withEventBatch<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  const transaction = em.getTransactionContext<object>();
  if (!transaction) throw new Error('withEventBatch needs a transaction.');
  if (batches.has(em)) return work();
  const rows: OutboxEntry[] = [];
  batches.set(em, rows);
  try {
    const result = await work();
    await insertRows(em, OutboxEntry, rows);
    if (rows.length) insertedIn.add(transaction);
    return result;
  } finally {
    batches.delete(em);
  }
}

/** Whether `transaction` inserted outbox rows through {@link withEventBatch}. */
export const insertedOutboxRows = (transaction: unknown): boolean =>
  // A knex transaction is a function object.
  (typeof transaction === 'function' || typeof transaction === 'object') &&
  transaction !== null &&
  insertedIn.has(transaction);
