import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { loadCatalogue, type EventCatalogue } from './catalogue';
import { createBatchHandler } from './consumer/createBatchHandler';
import { createConsumerLifecycle } from './consumer/createConsumerLifecycle';
import { createEventApplier } from './consumer/createEventApplier';
import { createMessageSettler } from './consumer/createMessageSettler';
import { createPullLoop } from './consumer/createPullLoop';
import { listenForReplays } from './consumer/createReplayResponder';
import type { ConsumerState } from './consumer/consumerState';
import { ensureEventDurable } from './consumer/ensureEventDurable';
import { eventsStream } from './envelope';
import { MessagingConfigError } from './errors';
import { defaultLogger, type Logger } from './logger';
import type { OutboxRelay } from './outboxRelay';
import type { EventHandlerDefinition, Namespace } from './types';
import { createWakeup } from './wakeup';

/** Options of {@link createEventConsumer}. */
export interface EventConsumerOptions {
  /** The consuming subgraph's database: it holds the `inbox` table, its own tables and its `outbox`. */
  orm: MikroORM;
  js: JetStreamClient;
  jsm: JetStreamManager;
  namespace: Namespace;
  /** Names the durable (`<subgraph>_<handler>`) and is the source of follow-up events. */
  subgraph: string;
  handler: EventHandlerDefinition;
  catalogue?: EventCatalogue;
  logger?: Logger;
  /** How long the server waits for an ack before redelivering (default 30 s). */
  ackWaitMs?: number;
  /**
   * Messages pulled per request (default the handler's `batchSize`, else 20, or 200 for a
   * handler with `handleBatch`). Those already buffered when one is taken are applied together
   * in one transaction, so a backlog costs one commit per batch.
   */
  batch?: number;
  /** Redelivery delay after a failed attempt, by attempt; the last one repeats (default 1 s, 5 s, 30 s, 60 s). */
  retryDelaysMs?: number[];
  /** Woken after a transaction that emitted follow-up events, so they leave at once. */
  relay?: Pick<OutboxRelay, 'notify'>;
  /** When given, the consumer also answers replay requests for its dead letters. */
  nc?: NatsConnection;
}

/** A running durable consumer. */
export interface EventConsumer {
  /** The durable consumer's name, `<subgraph>_<handler>`; also the inbox key. */
  readonly name: string;
  /** Creates or updates the durable consumer, then handles events in the background. */
  start(): Promise<void>;
  /** Ends after the current pull; messages it brought after the stop are handed back (nak). */
  stop(): Promise<void>;
  /** NATS is reachable again: end a backoff pause now instead of waiting it out. */
  resume(): void;
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 30_000, 60_000];
/** Messages per pull for a handler with a batch path: a backlog costs one transaction per pull. */
const BATCH_PATH_PULL = 200;

/**
 * A durable pull consumer that applies each event at most once to the subgraph's database.
 *
 * - One durable per handler. NATS 2.9 allows one filter subject per consumer, so a handler
 *   of several types filters on their common prefix (see {@link filterSubjectFor}) and
 *   acks, without handling, the events it does not list. One consumer keeps the order
 *   of all the handler's events, which a per-type durable would not.
 * - The handler's effect, its follow-up events (outbox) and the inbox row
 *   `(consumer, event id)` commit in one transaction; an event already in the inbox is
 *   acked without a second effect, so redeliveries and duplicates are harmless.
 * - Events that have already arrived are applied together: one transaction and one
 *   commit for the batch, a savepoint per event, acks after the commit. A failing event
 *   rolls back to its savepoint and is retried alone.
 * - An event of a listed type that fails the catalogue goes straight to HR_DLQ. A handler
 *   error is retried with a delay; at the last of `maxDeliver` deliveries the event goes
 *   to HR_DLQ with the error, the first and the last failure time, and the consumer moves on.
 * - With `nc`, it answers replay requests on its own subject (a queue group, so one replica
 *   answers): the dead letter's event is applied like a delivered one, inbox guard included.
 */
export function createEventConsumer(options: EventConsumerOptions): EventConsumer {
  const { js, namespace, subgraph, handler } = options;
  const name = `${subgraph}_${handler.name}`;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) {
    throw new MessagingConfigError(
      `Consumer name "${name}" may hold only letters, digits, _ and -.`,
    );
  }
  const catalogue = options.catalogue ?? loadCatalogue();
  const logger = options.logger ?? defaultLogger();
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const maxDeliver = handler.maxDeliver ?? 5;
  const stream = eventsStream(namespace);
  const state: ConsumerState = { running: false, stopping: createWakeup() };
  const applier = createEventApplier({ ...options, catalogue, consumer: name, logger });
  const settler = createMessageSettler({
    js,
    namespace,
    consumer: name,
    maxDeliver,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    logger,
    state,
  });
  const handleMessages = createBatchHandler({ applier, settler, ackWaitMs, relay: options.relay });
  const durable = { ...options, stream, name, catalogue, ackWaitMs };
  const ensureDurable = () => ensureEventDurable(durable);
  const pulls = createPullLoop({
    js,
    stream,
    consumer: name,
    maxBatch: options.batch ?? handler.batchSize ?? (handler.handleBatch ? BATCH_PATH_PULL : 20),
    handleMessages,
    ensureDurable,
    logger,
    state,
  });
  const { nc } = options;
  const answerReplays = nc
    ? () => listenForReplays({ ...options, nc, consumer: name, applier, logger })
    : undefined;
  return {
    name,
    ...createConsumerLifecycle({
      state,
      pulls,
      ensureDurable,
      listenForReplays: answerReplays,
    }),
  };
}
