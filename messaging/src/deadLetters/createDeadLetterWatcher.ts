import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { allDeadLettersSubject, createEvent, deadLetterStream } from '../envelope';
import { errorMessage } from '../errors';
import { InboxEntry } from '../inbox';
import { defaultLogger, type Logger } from '../logger';
import { recordEvent } from '../outbox';
import type { OutboxRelay } from '../outboxRelay';
import type { EventDraft, HandlerContext, Namespace } from '../types';
import { toDeadLetter, type DeadLetter } from './DeadLetter';

/** A subgraph's reaction to each new dead letter, e.g. recording it and telling someone. */
export interface DeadLetterHandlerDefinition {
  /** Unique within the subgraph; the durable consumer on HR_DLQ is `<subgraph>_<name>`. */
  name: string;
  handle(letter: DeadLetter, ctx: HandlerContext): Promise<void>;
}

/** Options of {@link createDeadLetterWatcher}. */
export interface DeadLetterWatcherOptions {
  orm: MikroORM;
  js: JetStreamClient;
  jsm: JetStreamManager;
  namespace: Namespace;
  subgraph: string;
  handler: DeadLetterHandlerDefinition;
  logger?: Logger;
  relay?: Pick<OutboxRelay, 'notify'>;
}

/** A running watcher of HR_DLQ. */
export interface DeadLetterWatcher {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const RETRY_DELAY_MS = 5000;

// The inbox keeps 36 characters of event id; a dead letter's identity is its msgID.
const inboxKey = (msg: JsMsg): string =>
  crypto
    .createHash('sha256')
    .update(msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}:${msg.seq}`)
    .digest('hex')
    .slice(0, 36);

/**
 * A durable consumer on HR_DLQ that hands each dead letter to `handler` once: its effect,
 * the events it emits and an inbox row commit together. A failure is retried later; a dead
 * letter is never itself dead-lettered.
 */
export function createDeadLetterWatcher(options: DeadLetterWatcherOptions): DeadLetterWatcher {
  const { orm, js, jsm, namespace: ns, subgraph, handler } = options;
  const name = `${subgraph}_${handler.name}`;
  const logger = options.logger ?? defaultLogger();
  const stream = deadLetterStream(ns);
  let messages: ConsumerMessages | undefined;
  let loop: Promise<void> | undefined;

  async function ensureConsumer(): Promise<void> {
    const config = {
      durable_name: name,
      description: `${subgraph} watcher ${handler.name} of dead letters`,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(30_000),
      deliver_policy: DeliverPolicy.All,
      filter_subject: allDeadLettersSubject(ns),
    };
    try {
      await jsm.consumers.add(stream, config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      await jsm.consumers.update(stream, name, config);
    }
  }

  async function apply(msg: JsMsg): Promise<number> {
    const { seq, subject, headers, data } = msg;
    const time = new Date(msg.info.timestampNanos / 1e6);
    const letter = toDeadLetter({ seq, subject, headers, data, time }, ns);
    let emitted = 0;
    await orm.em.fork().transactional(async (em) => {
      const claim = await (em as SqlEntityManager)
        .createQueryBuilder(InboxEntry)
        .insert({ consumer: name, eventId: inboxKey(msg), processedAt: new Date() })
        .onConflict(['consumer', 'eventId'])
        .ignore()
        .execute('run');
      if (claim.affectedRows === 0) return;
      const emit = (draft: EventDraft) => {
        const meta = { source: `/subgraphs/${subgraph}`, correlationId: letter.eventId ?? name };
        recordEvent(em, createEvent(draft, meta), ns);
        emitted += 1;
      };
      await handler.handle(letter, { em, emit });
    });
    return emitted;
  }

  async function handle(msg: JsMsg): Promise<void> {
    try {
      if ((await apply(msg)) > 0) options.relay?.notify();
      msg.ack();
    } catch (error) {
      logger.warn(
        { consumer: name, seq: msg.seq, err: errorMessage(error) },
        'dead letter not handled; will retry',
      );
      msg.nak(RETRY_DELAY_MS);
    }
  }

  async function run(current: ConsumerMessages): Promise<void> {
    for await (const msg of current) await handle(msg);
  }

  return {
    name,
    async start() {
      if (messages) return;
      await ensureConsumer();
      const consumer = await js.consumers.get(stream, name);
      // consume() keeps pulling across reconnects on its own.
      messages = await consumer.consume({ max_messages: 20 });
      loop = run(messages).catch((error: unknown) =>
        logger.error({ consumer: name, err: errorMessage(error) }, 'dead-letter watcher stopped'),
      );
    },
    async stop() {
      await messages?.close();
      await loop;
      messages = undefined;
      loop = undefined;
    },
  };
}
