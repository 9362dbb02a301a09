import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { EventCatalogue } from '../catalogue';
import type { Logger } from '../logger';
import { subjectFor } from '../envelope';
import { subjectMatches } from '../subjectFilter';
import type { EventEnvelope, EventHandlerDefinition, Namespace } from '../types';
import { applyBatch } from './applyBatch';
import { applyEvent } from './applyEvent';
import { readEvent } from './readEvent';

/** Options of {@link createEventApplier}. */
export interface EventApplierOptions {
  orm: MikroORM;
  catalogue: EventCatalogue;
  namespace: Namespace;
  subgraph: string;
  /** The durable's name; also the inbox key. */
  consumer: string;
  handler: EventHandlerDefinition;
  /** Says when a batch falls back to one event at a time. */
  logger?: Logger;
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
  const { catalogue, namespace: ns, handler } = options;
  // A handler of a renamed type also reads the events published under its former names.
  const typePatterns = catalogue.withFormerNames(handler.types).map((t) => subjectFor(t, ns));
  return {
    handles: rememberedUpTo(KNOWN_SUBJECTS, (subject: string) =>
      typePatterns.some((pattern) => subjectMatches(pattern, subject)),
    ),
    read: (text, subject) => readEvent(catalogue, ns, text, subject),
    apply: (events) => applyEvents(options, events),
  };
}

/**
 * Subjects whose answer a consumer keeps: the catalogue's types are far fewer, and anything
 * beyond them (a stray publisher's subjects) is matched each time rather than kept.
 */
const KNOWN_SUBJECTS = 1000;

/**
 * `decide`, its answers kept for the first `limit` subjects it is asked about: a consumer that
 * takes every event of the stream asks about each one, and split the subject anew each time.
 */
function rememberedUpTo(limit: number, decide: (subject: string) => boolean) {
  const known = new Map<string, boolean>();
  return (subject: string): boolean => {
    let answer = known.get(subject);
    if (answer === undefined) {
      answer = decide(subject);
      if (known.size < limit) known.set(subject, answer);
    }
    return answer;
  };
}

/**
 * Through the handler's batch path when it has one, else, or when the batch fails, one
 * event at a time. A lone event takes the batch path too: it has the same effect (each
 * handler's property test holds it to that) in fewer statements.
 */
async function applyEvents(
  options: EventApplierOptions,
  events: EventEnvelope[],
): Promise<Outcome[]> {
  const { handleBatch } = options.handler;
  if (handleBatch) {
    try {
      return await applyBatch(options, handleBatch, events);
    } catch (error) {
      // The batch rolled back whole; one at a time finds the event at fault.
      options.logger?.warn(
        { err: error, consumer: options.consumer, events: events.length },
        'batch failed; applying its events one at a time',
      );
    }
  }
  return applyEachEvent(options, events);
}

/**
 * Each event in a savepoint of its own, so a failing event rolls back alone and the
 * others commit together. Each gets a fresh entity manager: no event sees what another
 * left in an identity map.
 */
function applyEachEvent(options: EventApplierOptions, events: EventEnvelope[]): Promise<Outcome[]> {
  return options.orm.em.fork().transactional(async (txEm) => {
    const outcomes: Outcome[] = [];
    for (const event of events) {
      const fork = (txEm as SqlEntityManager).fork({ keepTransactionContext: true });
      try {
        outcomes.push(await applyEvent(options, fork, event));
      } catch (error) {
        outcomes.push({ error });
      }
    }
    return outcomes;
  });
}
