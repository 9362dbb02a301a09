import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { DeadLetterReason } from '../deadLetter';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { EventEnvelope, Namespace } from '../types';
import type { ConsumerState } from './consumerState';
import { confirmAck, keepAlive } from './confirmAck';
import { createFirstFailures, type FirstFailures } from './createFirstFailures';
import type { Outcome } from './createEventApplier';
import { giveUpMessage } from './giveUpMessage';
import { retryDelay } from './retryDelay';

/** Options of {@link createMessageSettler}. */
export interface MessageSettlerOptions {
  js: JetStreamClient;
  namespace: Namespace;
  consumer: string;
  maxDeliver: number;
  /** Redelivery delay after a failed attempt, by attempt; the last one repeats. */
  retryDelaysMs: number[];
  logger: Logger;
  state: ConsumerState;
}

/** Ends a message's delivery: acked, handed back for a retry, or moved to the dead letters. */
export interface MessageSettler {
  /**
   * Settles a message by what applying its event came to; false when an ack was not confirmed.
   * With `confirm` false an applied message is acked without waiting for the server's answer.
   */
  settle(msg: JsMsg, event: EventEnvelope, outcome: Outcome, confirm?: boolean): Promise<boolean>;
  /** Dead-letters a message and acks it; false when the ack was not confirmed. */
  giveUp(
    msg: JsMsg,
    reason: DeadLetterReason,
    error: string,
    firstFailure?: Date,
  ): Promise<boolean>;
  /** Tells the server the message is still being worked on, if the connection allows. */
  keepAlive(msg: JsMsg): void;
}

export function createMessageSettler(options: MessageSettlerOptions): MessageSettler {
  const firstFailures = createFirstFailures();
  return {
    settle: (msg, event, outcome, confirm = true) =>
      settle(options, firstFailures, msg, event, outcome, confirm),
    giveUp: (msg, reason, error, firstFailure) =>
      giveUpMessage(options, msg, reason, error, firstFailure),
    keepAlive,
  };
}

function settle(
  options: MessageSettlerOptions,
  firstFailures: FirstFailures,
  msg: JsMsg,
  event: EventEnvelope,
  outcome: Outcome,
  confirm: boolean,
): Promise<boolean> {
  if ('error' in outcome) return failed(options, firstFailures, msg, event, outcome.error);
  firstFailures.forget(msg);
  if (outcome.duplicate) {
    options.logger.debug(
      { consumer: options.consumer, eventId: event.id },
      'event already applied; acked again',
    );
  }
  if (confirm) return confirmAck(options, msg);
  msg.ack();
  return Promise.resolve(true);
}

/** Hands a failed message back with a delay, or dead-letters it at its last delivery. */
async function failed(
  options: MessageSettlerOptions,
  firstFailures: FirstFailures,
  msg: JsMsg,
  event: EventEnvelope,
  error: unknown,
): Promise<boolean> {
  const deliveries = msg.info.deliveryCount;
  const context = { consumer: options.consumer, eventId: event.id, type: event.type, deliveries };
  if (deliveries < options.maxDeliver) {
    options.logger.warn({ ...context, err: error }, 'handler failed; will retry');
    firstFailures.remember(msg.seq);
    msg.nak(retryDelay(options.retryDelaysMs, deliveries));
    return true;
  }
  // Failed earlier on another replica, or before a restart: the event's time is the
  // earliest the first failure can have been.
  const first = firstFailures.take(msg.seq) ?? (deliveries > 1 ? new Date(event.time) : new Date());
  return giveUpMessage(options, msg, 'HANDLER_FAILED', errorMessage(error), first);
}
