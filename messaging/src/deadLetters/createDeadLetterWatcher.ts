import type { MikroORM } from '@mikro-orm/core';
import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { addOrUpdateConsumer } from '../consumer/addOrUpdateConsumer';
import { allDeadLettersSubject, deadLetterStream } from '../envelope';
import { EventValidationError } from '../errors';
import { defaultLogger, type Logger } from '../logger';
import type { OutboxRelay } from '../outboxRelay';
import type { EventDraft, HandlerContext, Namespace } from '../types';
import type { CataloguedDraft } from '../eventTypes';
import { applyDeadLetter, type DeadLetterApplication } from './applyDeadLetter';
import type { DeadLetter } from './DeadLetter';

/** A subgraph's reaction to each new dead letter, e.g. recording it and telling someone. */
export interface DeadLetterHandlerDefinition {
  /** Unique within the subgraph; the durable consumer on HR_DLQ is `<subgraph>_<name>`. */
  name: string;
  handle(letter: DeadLetter, ctx: HandlerContext<EventDraft | CataloguedDraft>): Promise<void>;
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

/**
 * A durable consumer on HR_DLQ that hands each dead letter to `handler` once: its effect,
 * the events it emits and an inbox row commit together. A failure is retried later, unless
 * it can never succeed; a dead letter is never itself dead-lettered.
 */
export function createDeadLetterWatcher(options: DeadLetterWatcherOptions): DeadLetterWatcher {
  const { js, jsm, namespace: ns, subgraph, handler } = options;
  const name = `${subgraph}_${handler.name}`;
  const logger = options.logger ?? defaultLogger();
  const stream = deadLetterStream(ns);
  const watch: Watch = { ...options, consumer: name, logger };
  let messages: ConsumerMessages | undefined;
  let loop: Promise<void> | undefined;
  return {
    name,
    async start() {
      if (messages) return;
      await addOrUpdateConsumer(jsm, stream, {
        durable_name: name,
        description: `${subgraph} watcher ${handler.name} of dead letters`,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(30_000),
        deliver_policy: DeliverPolicy.All,
        filter_subject: allDeadLettersSubject(ns),
      });
      const consumer = await js.consumers.get(stream, name);
      // consume() keeps pulling across reconnects on its own.
      messages = await consumer.consume({ max_messages: 20 });
      loop = handleAll(watch, messages).catch((error: unknown) =>
        logger.error({ consumer: name, err: error }, 'dead-letter watcher stopped'),
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

/** What handling the watcher's messages needs. */
interface Watch extends DeadLetterApplication {
  logger: Logger;
  relay?: Pick<OutboxRelay, 'notify'>;
}

async function handleAll(watch: Watch, messages: ConsumerMessages): Promise<void> {
  for await (const msg of messages) await handle(watch, msg);
}

/** Applies a dead letter and acks it, or hands it back to be retried later. */
async function handle(watch: Watch, msg: JsMsg): Promise<void> {
  try {
    if ((await applyDeadLetter(watch, msg)) > 0) watch.relay?.notify();
    msg.ack();
  } catch (error) {
    settleFailed(watch, msg, error);
  }
}

/**
 * As the consumers do with an invalid event: a follow-up the catalogue refuses is refused
 * again on every retry, and retried letters would fill the watcher's unacknowledged window
 * and stall every letter after them. Such a letter is acked and logged; it stays in HR_DLQ.
 */
function settleFailed(watch: Watch, msg: JsMsg, error: unknown): void {
  const context = { consumer: watch.consumer, seq: msg.seq, err: error };
  if (error instanceof EventValidationError) {
    watch.logger.error(context, 'dead letter cannot be handled; acked, it stays in HR_DLQ');
    msg.ack();
    return;
  }
  watch.logger.warn(context, 'dead letter not handled; will retry');
  msg.nak(RETRY_DELAY_MS);
}
