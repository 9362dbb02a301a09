import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { JsMsg } from '@nats-io/jetstream';
import { claimInbox } from '../consumer/claimInbox';
import { createEvent, sourceFor } from '../envelope';
import { recordEvent } from '../outbox';
import type { EventDraft, Namespace } from '../types';
import type { CataloguedDraft } from '../eventTypes';
import type { DeadLetterHandlerDefinition } from './createDeadLetterWatcher';
import { toDeadLetter } from './DeadLetter';

/** What applying a dead letter needs: the watcher's database, namespace and handler. */
export interface DeadLetterApplication {
  orm: MikroORM;
  namespace: Namespace;
  subgraph: string;
  /** The watcher's durable name; also its inbox key. */
  consumer: string;
  handler: DeadLetterHandlerDefinition;
}

// The inbox keeps 36 characters of event id; a dead letter's identity is its msgID.
const inboxKey = (msg: JsMsg): string =>
  crypto
    .createHash('sha256')
    .update(msg.headers?.get('Nats-Msg-Id') || `${msg.info.stream}:${msg.seq}`)
    .digest('hex')
    .slice(0, 36);

/**
 * Hands a dead letter to the handler once: its effect, the events it emits and the inbox
 * row commit together. Resolves to how many events it emitted (none when seen before).
 */
export async function applyDeadLetter(app: DeadLetterApplication, msg: JsMsg): Promise<number> {
  const { namespace: ns, consumer } = app;
  const { seq, subject, headers, data } = msg;
  const time = new Date(msg.info.timestampNanos / 1e6);
  const letter = toDeadLetter({ seq, subject, headers, data, time }, ns);
  let emitted = 0;
  await app.orm.em.fork().transactional(async (em) => {
    if (!(await claimInbox(em, consumer, inboxKey(msg)))) return;
    const emit = (draft: EventDraft | CataloguedDraft) => {
      const meta = {
        source: sourceFor(app.subgraph),
        correlationId: letter.eventId ?? consumer,
      };
      recordEvent(em, createEvent(draft, meta), ns);
      emitted += 1;
    };
    await app.handler.handle(letter, { em, emit });
  });
  return emitted;
}
