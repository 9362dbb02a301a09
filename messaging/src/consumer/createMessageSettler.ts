import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { publishDeadLetter, type DeadLetterReason } from '../deadLetter';
import { errorMessage } from '../errors';
import type { Logger } from '../logger';
import type { EventEnvelope, Namespace } from '../types';
import { backoffMs } from '../wakeup';
import type { ConsumerState } from './consumerState';
import type { Outcome } from './createEventApplier';

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
  /** Settles a message by what applying its event came to; false when an ack was not confirmed. */
  settle(msg: JsMsg, event: EventEnvelope, outcome: Outcome): Promise<boolean>;
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

/** Messages whose first failure is remembered; beyond, the oldest is forgotten. */
const MAX_REMEMBERED_FAILURES = 10_000;

export function createMessageSettler(options: MessageSettlerOptions): MessageSettler {
  const { js, namespace: ns, consumer, maxDeliver, retryDelaysMs, logger, state } = options;
  // Stream sequence -> when this replica first saw the message fail.
  const firstFailures = new Map<number, Date>();
  const retryDelay = (deliveries: number) =>
    retryDelaysMs[Math.min(deliveries, retryDelaysMs.length) - 1] ?? 1000;

  /** Acks and waits for the server's confirmation; false when none came (connection trouble). */
  async function confirm(msg: JsMsg): Promise<boolean> {
    try {
      await msg.ackAck();
      return true;
    } catch (error) {
      // The effect is committed; a redelivery finds the inbox row and changes nothing.
      logger.warn({ consumer, seq: msg.seq, err: errorMessage(error) }, 'ack not confirmed');
      return false;
    }
  }

  function keepAlive(msg: JsMsg): void {
    try {
      msg.working();
    } catch {
      // The connection is gone: the server redelivers after ack_wait.
    }
  }

  /**
   * Moves a message to the dead letters, then acks it (a plain ack, confirmed: NATS 2.9 does
   * not take a reason with +TERM).
   */
  async function giveUp(
    msg: JsMsg,
    reason: DeadLetterReason,
    error: string,
    firstFailure?: Date,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await publishDeadLetter(js, ns, consumer, msg, reason, error, firstFailure);
        break;
      } catch (publishError) {
        const context = { consumer, seq: msg.seq, err: errorMessage(publishError) };
        if (msg.info.deliveryCount < maxDeliver) {
          logger.warn(context, 'dead letter not published; the event will be redelivered');
          msg.nak(retryDelay(msg.info.deliveryCount));
          return true;
        }
        if (!state.running) {
          logger.error(context, 'dead letter not published before stop; the event stays unacked');
          return true;
        }
        // The server will not deliver it again, so keep it here until the DLQ takes it.
        keepAlive(msg);
        await state.stopping.wait(backoffMs(attempt, 500, 10_000));
      }
    }
    logger.error({ consumer, seq: msg.seq, reason, err: error }, 'event dead-lettered');
    return confirm(msg);
  }

  function rememberFailure(seq: number): void {
    if (firstFailures.has(seq)) return;
    if (firstFailures.size >= MAX_REMEMBERED_FAILURES) {
      firstFailures.delete(firstFailures.keys().next().value as number);
    }
    firstFailures.set(seq, new Date());
  }

  async function failed(msg: JsMsg, event: EventEnvelope, error: unknown): Promise<boolean> {
    const deliveries = msg.info.deliveryCount;
    const context = { consumer, eventId: event.id, type: event.type, deliveries };
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

  function settle(msg: JsMsg, event: EventEnvelope, outcome: Outcome): Promise<boolean> {
    if ('error' in outcome) return failed(msg, event, outcome.error);
    firstFailures.delete(msg.seq);
    if (outcome.duplicate) {
      logger.debug({ consumer, eventId: event.id }, 'event already applied; acked again');
    }
    return confirm(msg);
  }

  return { settle, giveUp, keepAlive };
}
