import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import {
  ClosedConnectionError,
  nanos,
  type Msg,
  type NatsConnection,
  type Subscription,
} from '@nats-io/nats-core';
import { inConsumerSpan } from '../../runtime/src/traceContext';
import { loadCatalogue, type EventCatalogue } from './catalogue';
import { publishDeadLetter, type DeadLetterReason } from './deadLetter';
import { createEvent, eventsStream, replaySubject, subjectFor } from './envelope';
import { errorMessage, EventValidationError, MessagingConfigError } from './errors';
import { InboxEntry } from './inbox';
import { REPLAY_SUBJECT_HEADER, type ReplayReply } from './deadLetters/replayProtocol';
import { defaultLogger, type Logger } from './logger';
import type { OutboxRelay } from './outboxRelay';
import { recordEvent } from './outbox';
import { filterSubjectFor, subjectMatches } from './subjectFilter';
import type { EventEnvelope, EventHandlerDefinition, EventMeta, Namespace } from './types';
import { backoffMs, createWakeup } from './wakeup';

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
   * Messages pulled per request (default 20). Those already buffered when one is taken
   * are applied together in one transaction, so a backlog costs one commit per batch.
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

interface Applied {
  duplicate: boolean;
  emitted: number;
}

/** A valid event of the handler's types, with the message that brought it. */
interface Pending {
  msg: JsMsg;
  event: EventEnvelope;
}

/** What applying one event of a batch came to. */
type Outcome = Applied | { error: unknown };

/** An event to apply, or whether the ack of a message settled on arrival was confirmed. */
type Accepted = Pending | { settled: boolean };

const DEFAULT_RETRY_DELAYS_MS = [1000, 5000, 30_000, 60_000];
/** Messages whose first failure is remembered; beyond, the oldest is forgotten. */
const MAX_REMEMBERED_FAILURES = 10_000;
/** How long an idle pull waits for messages; also the longest a stop waits for one. */
const PULL_EXPIRES_MS = 1000;
/** How much longer than its expiry a pull may take before it is taken as stalled. */
const PULL_GRACE_MS = 4000;

const isConsumerNotFound = (error: unknown): boolean =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;

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
  const { orm, js, jsm, namespace: ns, subgraph, handler } = options;
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
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const maxBatch = options.batch ?? 20;
  const stream = eventsStream(ns);
  // A handler of a renamed type also reads the events published under its former names.
  const types = catalogue.withFormerNames(handler.types);
  const filterSubject = filterSubjectFor(types, ns);
  const typePatterns = types.map((type) => subjectFor(type, ns));
  let running = false;
  let stopping = createWakeup();
  let loop: Promise<void> | undefined;
  let currentPull: ConsumerMessages | undefined;
  let failures = 0;
  let replays: Subscription | undefined;
  // Stream sequence -> when this replica first saw the message fail.
  const firstFailures = new Map<number, Date>();

  const retryDelay = (deliveries: number) =>
    retryDelays[Math.min(deliveries, retryDelays.length) - 1] ?? 1000;

  async function ensureConsumer(): Promise<void> {
    const config: Partial<ConsumerConfig> = {
      durable_name: name,
      description: `${subgraph} handler ${handler.name}: ${handler.types.join(', ')}`,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ackWaitMs),
      max_deliver: maxDeliver,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filterSubject,
    };
    try {
      await jsm.consumers.add(stream, config);
    } catch (error) {
      // Newer servers refuse to "create" an existing consumer with another configuration.
      if (!(error instanceof JetStreamApiError)) throw error;
      await jsm.consumers.update(stream, name, config);
    }
  }

  function readEvent(text: string, subject: string): EventEnvelope {
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
      .insert({ consumer: name, eventId: event.id, processedAt: new Date() })
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

  /**
   * Applies events in order in one transaction, each in a savepoint of its own, so a
   * failing event rolls back alone and the others commit together. Each gets a fresh
   * entity manager: no event sees what another left in an identity map.
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

  /** One CONSUMER span per event, continuing the trace of the request or event that made it. */
  function applyInSpan(fork: SqlEntityManager, event: EventEnvelope): Promise<Applied> {
    const attributes = {
      'messaging.system': 'nats',
      'messaging.operation.type': 'process',
      'messaging.destination.name': subjectFor(event.type, ns),
      'messaging.consumer.group.name': name,
      'messaging.message.id': event.id,
    };
    return inConsumerSpan(`process ${event.type}`, event.traceparent, attributes, (traceparent) =>
      fork.transactional((em) => applyWith(em, event, traceparent)),
    );
  }

  /** Acks and waits for the server's confirmation; false when none came (connection trouble). */
  async function confirm(msg: JsMsg): Promise<boolean> {
    try {
      await msg.ackAck();
      return true;
    } catch (error) {
      // The effect is committed; a redelivery finds the inbox row and changes nothing.
      logger.warn({ consumer: name, seq: msg.seq, err: errorMessage(error) }, 'ack not confirmed');
      return false;
    }
  }

  function tryWorking(msg: JsMsg): void {
    try {
      msg.working();
    } catch {
      // The connection is gone: the server redelivers after ack_wait.
    }
  }

  /**
   * Moves a message to the dead letters, then acks it (a plain ack, confirmed: NATS 2.9 does
   * not take a reason with +TERM). Returns false when the ack was not confirmed.
   */
  async function giveUp(
    msg: JsMsg,
    reason: DeadLetterReason,
    error: string,
    firstFailure?: Date,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await publishDeadLetter(js, ns, name, msg, reason, error, firstFailure);
        break;
      } catch (publishError) {
        const context = { consumer: name, seq: msg.seq, err: errorMessage(publishError) };
        if (msg.info.deliveryCount < maxDeliver) {
          logger.warn(context, 'dead letter not published; the event will be redelivered');
          msg.nak(retryDelay(msg.info.deliveryCount));
          return true;
        }
        if (!running) {
          logger.error(context, 'dead letter not published before stop; the event stays unacked');
          return true;
        }
        // The server will not deliver it again, so keep it here until the DLQ takes it.
        tryWorking(msg);
        await stopping.wait(backoffMs(attempt, 500, 10_000));
      }
    }
    logger.error({ consumer: name, seq: msg.seq, reason, err: error }, 'event dead-lettered');
    return confirm(msg);
  }

  async function onHandlerError(
    msg: JsMsg,
    event: EventEnvelope,
    error: unknown,
  ): Promise<boolean> {
    const deliveries = msg.info.deliveryCount;
    const context = { consumer: name, eventId: event.id, type: event.type, deliveries };
    if (deliveries < maxDeliver) {
      logger.warn({ ...context, err: errorMessage(error) }, 'handler failed; will retry');
      rememberFailure(msg.seq);
      msg.nak(retryDelay(deliveries));
      return true;
    }
    // Failed earlier on another replica, or before a restart: the event's time is the
    // earliest the first failure can have been.
    const first =
      firstFailures.get(msg.seq) ?? (deliveries > 1 ? new Date(event.time) : new Date());
    firstFailures.delete(msg.seq);
    return giveUp(msg, 'HANDLER_FAILED', errorMessage(error), first);
  }

  function rememberFailure(seq: number): void {
    if (firstFailures.has(seq)) return;
    if (firstFailures.size >= MAX_REMEMBERED_FAILURES) {
      firstFailures.delete(firstFailures.keys().next().value as number);
    }
    firstFailures.set(seq, new Date());
  }

  /**
   * Acks a message of a type the handler does not list, unread: it is for the consumers
   * that handle it to judge, and a lost ack only brings it back to be skipped again.
   * Dead-letters an invalid message of a listed type.
   */
  async function accept(msg: JsMsg): Promise<Accepted> {
    if (!typePatterns.some((pattern) => subjectMatches(pattern, msg.subject))) {
      msg.ack();
      return { settled: true };
    }
    let event: EventEnvelope;
    try {
      event = readEvent(msg.string(), msg.subject);
    } catch (error) {
      return { settled: await giveUp(msg, 'EVENT_INVALID', errorMessage(error)) };
    }
    return { msg, event };
  }

  /**
   * Applies a batch in one transaction, then settles each message: acked when applied,
   * handed back for a retry (or dead-lettered) when its event failed. False when an ack
   * was not confirmed.
   */
  async function handleBatch(batch: Pending[]): Promise<boolean> {
    let outcomes: Outcome[];
    try {
      outcomes = await withKeepAlive(batch, () => apply(batch.map((item) => item.event)));
    } catch (error) {
      // The commit itself failed: nothing of the batch was applied.
      outcomes = batch.map(() => ({ error }));
    }
    if (outcomes.some((outcome) => 'emitted' in outcome && outcome.emitted > 0)) {
      options.relay?.notify();
    }
    const settled = await Promise.all(batch.map((item, index) => settle(item, outcomes[index])));
    return settled.every(Boolean);
  }

  function settle({ msg, event }: Pending, outcome: Outcome): Promise<boolean> {
    if ('error' in outcome) return onHandlerError(msg, event, outcome.error);
    firstFailures.delete(msg.seq);
    if (outcome.duplicate) {
      logger.debug({ consumer: name, eventId: event.id }, 'event already applied; acked again');
    }
    return confirm(msg);
  }

  /** A slow transaction keeps its messages from being redelivered to another replica meanwhile. */
  async function withKeepAlive<T>(batch: Pending[], work: () => Promise<T>): Promise<T> {
    const keepAlive = setInterval(
      () => batch.forEach((item) => tryWorking(item.msg)),
      Math.max(500, ackWaitMs / 2),
    );
    try {
      return await work();
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** Handles the messages that have arrived; false when an ack was not confirmed. */
  async function handleMessages(msgs: JsMsg[]): Promise<boolean> {
    let healthy = true;
    const batch: Pending[] = [];
    for (const msg of msgs) {
      const accepted = await accept(msg);
      if ('settled' in accepted) healthy = accepted.settled && healthy;
      else batch.push(accepted);
    }
    return batch.length > 0 ? (await handleBatch(batch)) && healthy : healthy;
  }

  /**
   * One pull at a time: every message a pull delivers is handled, or handed
   * back at once (nak) when a stop came meanwhile, so a restart never leaves
   * events waiting out ack_wait. Messages are handled while the pull goes on:
   * a pull whose reader is busy for longer than two idle heartbeats fails.
   */
  async function pullOnce(): Promise<boolean> {
    const consumer = await js.consumers.get(stream, name);
    const pulled = await consumer.fetch({ max_messages: maxBatch, expires: PULL_EXPIRES_MS });
    currentPull = pulled;
    // With the connection gone a pull never ends by itself; end it so the loop can back
    // off, and a stop is never held up by it.
    let stalled = false;
    const watchdog = setTimeout(() => {
      stalled = true;
      pulled.stop();
    }, PULL_EXPIRES_MS + PULL_GRACE_MS);
    let healthy = true;
    let queue: JsMsg[] = [];
    let working: Promise<void> | undefined;
    const work = async () => {
      while (queue.length > 0) {
        const taken = queue;
        queue = [];
        // An unconfirmed ack means connection trouble: hand back the rest of this pull.
        if (running && healthy) healthy = await handleMessages(taken);
        else taken.forEach((msg) => msg.nak());
      }
      working = undefined;
    };
    try {
      for await (const msg of pulled) {
        if (!running || !healthy) {
          msg.nak();
          continue;
        }
        queue.push(msg);
        // Apply what has arrived so far rather than wait for the rest of the pull.
        if (pulled.getPending() === 0) working ??= work();
      }
    } finally {
      clearTimeout(watchdog);
      currentPull = undefined;
      await (working ?? work());
    }
    return healthy && !stalled;
  }

  async function consumeLoop(): Promise<void> {
    failures = 0;
    while (running) {
      try {
        failures = (await pullOnce()) ? 0 : failures + 1;
      } catch (error) {
        if (error instanceof ClosedConnectionError) break;
        failures += 1;
        logger.warn({ consumer: name, err: errorMessage(error), failures }, 'pull interrupted');
        // Only a durable deleted under us is recreated: any other error means NATS is away,
        // and a request sent now would hold the loop for its whole timeout after a reconnect.
        if (isConsumerNotFound(error)) await ensureConsumer().catch(() => undefined);
      }
      if (running && failures > 0) await stopping.wait(backoffMs(failures, 500, 10_000));
    }
    running = false;
  }

  /** Applies a dead letter's event as if delivered again; the inbox keeps it to one effect. */
  async function replay(text: string, subject: string): Promise<ReplayReply> {
    if (!typePatterns.some((pattern) => subjectMatches(pattern, subject))) {
      return { ok: false, error: `${name} does not handle events on ${subject}.` };
    }
    let event: EventEnvelope;
    try {
      event = readEvent(text, subject);
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
    const [outcome] = await apply([event]);
    if (!outcome || 'error' in outcome) {
      return { ok: false, error: errorMessage(outcome?.error ?? 'not applied') };
    }
    if (outcome.emitted > 0) options.relay?.notify();
    logger.info({ consumer: name, eventId: event.id, duplicate: outcome.duplicate }, 'replayed');
    return { ok: true, duplicate: outcome.duplicate };
  }

  async function answerReplay(msg: Msg): Promise<void> {
    let reply: ReplayReply;
    try {
      reply = await replay(msg.string(), msg.headers?.get(REPLAY_SUBJECT_HEADER) ?? '');
    } catch (error) {
      // The transaction itself failed (database away): the caller may try again.
      reply = { ok: false, error: errorMessage(error) };
    }
    try {
      msg.respond(JSON.stringify(reply));
    } catch (error) {
      // The connection closed meanwhile: the caller times out and may ask again.
      logger.warn({ consumer: name, err: errorMessage(error) }, 'replay answer not sent');
    }
  }

  function listenForReplays(): void {
    if (!options.nc || replays) return;
    replays = options.nc.subscribe(replaySubject(ns, name), {
      queue: name,
      callback: (error, msg) => {
        if (!error) void answerReplay(msg);
      },
    });
  }

  return {
    name,
    async start() {
      if (running) return;
      await ensureConsumer();
      running = true;
      stopping = createWakeup();
      loop = consumeLoop();
      listenForReplays();
    },
    async stop() {
      running = false;
      replays?.unsubscribe();
      replays = undefined;
      stopping.wake();
      // A pull in progress ends within PULL_EXPIRES_MS and what it brings is handed back;
      // one stalled by a lost connection is ended now.
      const pull = currentPull;
      const cutoff = setTimeout(() => pull?.stop(), PULL_EXPIRES_MS);
      await loop;
      clearTimeout(cutoff);
      loop = undefined;
    },
    resume() {
      failures = 0;
      stopping.wake();
    },
  };
}
