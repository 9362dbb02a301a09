import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { inConsumerSpan } from '../../../runtime/src/traceContext';
import type { EventCatalogue } from '../catalogue';
import { createEvent, subjectFor } from '../envelope';
import { EventValidationError } from '../errors';
import { InboxEntry } from '../inbox';
import { recordEvent } from '../outbox';
import { subjectMatches } from '../subjectFilter';
import type { EventEnvelope, EventHandlerDefinition, EventMeta, Namespace } from '../types';

/** Options of {@link createEventApplier}. */
export interface EventApplierOptions {
  orm: MikroORM;
  catalogue: EventCatalogue;
  namespace: Namespace;
  subgraph: string;
  /** The durable's name; also the inbox key. */
  consumer: string;
  handler: EventHandlerDefinition;
}

/** Applying one event came to this: applied before (duplicate), or applied with N follow-ups. */
export interface Applied {
  duplicate: boolean;
  emitted: number;
}

/** What applying one event of a batch came to. */
export type Outcome = Applied | { error: unknown };

/** Reads events of a handler's types and applies them to its database, each at most once. */
export interface EventApplier {
  /** Whether the handler takes events on `subject` (its types and their former names). */
  handles(subject: string): boolean;
  /** The event in `text`, valid against the catalogue and sent on its own subject; else throws. */
  read(text: string, subject: string): EventEnvelope;
  /** Applies events in order in one transaction; a failing one rolls back alone. */
  apply(events: EventEnvelope[]): Promise<Outcome[]>;
}

/**
 * The handler's effect, its follow-up events (outbox) and the inbox row
 * `(consumer, event id)` commit together, so an event already in the inbox has no
 * second effect.
 */
export function createEventApplier(options: EventApplierOptions): EventApplier {
  const { orm, catalogue, namespace: ns, subgraph, consumer, handler } = options;
  // A handler of a renamed type also reads the events published under its former names.
  const typePatterns = catalogue.withFormerNames(handler.types).map((t) => subjectFor(t, ns));

  function read(text: string, subject: string): EventEnvelope {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new EventValidationError('The payload is not JSON.', [], { cause });
    }
    const event = catalogue.validate(value);
    if (subjectFor(event.type, ns) !== subject) {
      throw new EventValidationError(`event/type ${event.type} arrived on subject ${subject}`);
    }
    return event;
  }

  function followUpMeta(event: EventEnvelope, traceparent: string | undefined): EventMeta {
    return {
      source: `/subgraphs/${subgraph}`,
      correlationId: event.correlationid,
      causationId: event.id,
      actor: event.actor,
      requestId: event.requestid,
      traceparent,
    };
  }

  /**
   * Applies one event with `em`: inbox claim, effect and follow-up events, which carry
   * `traceparent` (the span of this application) so the trace goes on through them.
   */
  async function applyWith(
    em: SqlEntityManager,
    event: EventEnvelope,
    traceparent: string | undefined,
  ): Promise<Applied> {
    // Claiming the inbox row first makes a concurrent copy of this event wait for this
    // transaction, then find the row taken, instead of applying the effect twice.
    const claim = await em
      .createQueryBuilder(InboxEntry)
      .insert({ consumer, eventId: event.id, processedAt: new Date() })
      .onConflict(['consumer', 'eventId'])
      .ignore()
      .execute('run');
    if (claim.affectedRows === 0) return { duplicate: true, emitted: 0 };
    let emitted = 0;
    await handler.handle(catalogue.asCurrent(event), {
      em,
      emit(draft) {
        recordEvent(em, createEvent(draft, followUpMeta(event, traceparent)), ns, catalogue);
        emitted += 1;
      },
    });
    return { duplicate: false, emitted };
  }

  /** One CONSUMER span per event, continuing the trace of the request or event that made it. */
  function applyInSpan(fork: SqlEntityManager, event: EventEnvelope): Promise<Applied> {
    const attributes = {
      'messaging.system': 'nats',
      'messaging.operation.type': 'process',
      'messaging.destination.name': subjectFor(event.type, ns),
      'messaging.consumer.group.name': consumer,
      'messaging.message.id': event.id,
    };
    return inConsumerSpan(`process ${event.type}`, event.traceparent, attributes, (traceparent) =>
      fork.transactional((em) => applyWith(em, event, traceparent)),
    );
  }

  /**
   * Each event in a savepoint of its own, so a failing event rolls back alone and the
   * others commit together. Each gets a fresh entity manager: no event sees what another
   * left in an identity map.
   */
  function apply(events: EventEnvelope[]): Promise<Outcome[]> {
    return orm.em.fork().transactional(async (txEm) => {
      const outcomes: Outcome[] = [];
      for (const event of events) {
        const fork = (txEm as SqlEntityManager).fork({ keepTransactionContext: true });
        try {
          outcomes.push(await applyInSpan(fork, event));
        } catch (error) {
          outcomes.push({ error });
        }
      }
      return outcomes;
    });
  }

  return {
    handles: (subject) => typePatterns.some((pattern) => subjectMatches(pattern, subject)),
    read,
    apply,
  };
}
