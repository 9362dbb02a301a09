import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { REPLAY_SUBJECT_HEADER, type ReplayReply } from '../deadLetters/replayProtocol';
import { replaySubject } from '../envelope';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outboxRelay';
import type { EventEnvelope, Namespace } from '../types';
import type { EventApplier } from './createEventApplier';

/** Options of {@link listenForReplays}. */
export interface ReplayResponderOptions {
  nc: NatsConnection;
  namespace: Namespace;
  consumer: string;
  applier: EventApplier;
  relay?: Pick<OutboxRelay, 'notify'>;
  logger: Logger;
}

/**
 * Answers replay requests for the consumer's dead letters on its own subject (a queue group,
 * so one replica answers): the dead letter's event is applied like a delivered one, inbox
 * guard included. Unsubscribe to stop.
 */
export function listenForReplays(options: ReplayResponderOptions): Subscription {
  const { nc, namespace, consumer, logger } = options;
  return nc.subscribe(replaySubject(namespace, consumer), {
    queue: consumer,
    callback: (error, msg) => {
      if (!error) void answerReplay(options, msg, logger);
    },
  });
}

async function answerReplay(options: ReplayResponderOptions, msg: Msg, logger: Logger) {
  let reply: ReplayReply;
  try {
    reply = await replay(options, msg.string(), msg.headers?.get(REPLAY_SUBJECT_HEADER) ?? '');
  } catch (error) {
    // The transaction itself failed (database away): the caller may try again.
    reply = { ok: false, error: errorMessage(error) };
  }
  try {
    msg.respond(JSON.stringify(reply));
  } catch (error) {
    // The connection closed meanwhile: the caller times out and may ask again.
    logger.warn({ consumer: options.consumer, err: error }, 'replay answer not sent');
  }
}

/** Applies a dead letter's event as if delivered again; the inbox keeps it to one effect. */
async function replay(
  { applier, consumer, relay, logger }: ReplayResponderOptions,
  text: string,
  subject: string,
): Promise<ReplayReply> {
  if (!applier.handles(subject)) {
    return { ok: false, error: `${consumer} does not handle events on ${subject}.` };
  }
  let event: EventEnvelope;
  try {
    event = applier.read(text, subject);
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
  const [outcome] = await applier.apply([event]);
  if (!outcome || 'error' in outcome) {
    return { ok: false, error: errorMessage(outcome?.error ?? 'not applied') };
  }
  if (outcome.emitted > 0) relay?.notify();
  logger.info({ consumer, eventId: event.id, duplicate: outcome.duplicate }, 'replayed');
  return { ok: true, duplicate: outcome.duplicate };
}
