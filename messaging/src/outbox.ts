import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import { loadCatalogue, type EventCatalogue } from './catalogue';
import { subjectFor } from './envelope';
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
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text', nullable: true },
  },
  // The relay reads unsent rows in creation order.
  indexes: [{ properties: ['sentAt', 'createdAt'] }],
});

/**
 * Validates an event against the catalogue and adds it to the outbox of `em`'s unit of
 * work. Nothing is flushed here: the row commits, or rolls back, with the caller's change.
 */
export function recordEvent(
  em: EntityManager,
  event: EventEnvelope,
  ns: Namespace,
  catalogue: EventCatalogue = loadCatalogue(),
): void {
  catalogue.validate(event);
  em.persist(
    em.create(OutboxEntry, {
      id: event.id,
      subject: subjectFor(event.type, ns),
      type: event.type,
      payload: JSON.stringify(event),
      createdAt: new Date(),
      sentAt: null,
      attempts: 0,
      lastError: null,
    }),
  );
}
