import type { JsMsg } from '@nats-io/jetstream';
import { publishDeadLetter, type DeadLetterReason } from '../deadLetter';
import { backoffMs } from '../wakeup';
import { confirmAck, keepAlive } from './confirmAck';
import type { MessageSettlerOptions } from './createMessageSettler';
import { retryDelay } from './retryDelay';

/**
 * Moves a message to the dead letters, then acks it (a plain ack, confirmed: NATS 2.9 does
 * not take a reason with +TERM); false when the ack was not confirmed. While the dead letter
 * cannot be published the message is handed back for redelivery, or, at its last delivery,
 * kept here until the DLQ takes it or the consumer stops.
 */
export async function giveUpMessage(
  options: MessageSettlerOptions,
  msg: JsMsg,
  reason: DeadLetterReason,
  error: string,
  firstFailure?: Date,
): Promise<boolean> {
  const { js, namespace, consumer, maxDeliver, logger, state } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      await publishDeadLetter(js, namespace, consumer, msg, reason, error, firstFailure);
      break;
    } catch (publishError) {
      const context = { consumer, seq: msg.seq, err: publishError };
      if (msg.info.deliveryCount < maxDeliver) {
        logger.warn(context, 'dead letter not published; the event will be redelivered');
        msg.nak(retryDelay(options.retryDelaysMs, msg.info.deliveryCount));
        return true;
      }
      if (!state.running) {
        logger.error(context, 'dead letter not published before stop; the event stays unacked');
        return true;
      }
      // Its deliveries are spent: keep it here until the DLQ takes it, saying so each time.
      logger.error({ ...context, attempt }, 'dead letter not published; the event is held');
      keepAlive(msg);
      await state.stopping.wait(backoffMs(attempt, 500, 10_000));
    }
  }
  // `error` is text: as `err` a logger would take it for a thrown non-Error and lose it.
  logger.error({ consumer, seq: msg.seq, reason, error }, 'event dead-lettered');
  return confirmAck(options, msg);
}
