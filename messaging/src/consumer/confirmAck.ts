import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from '../logger';

/** Acks and waits for the server's confirmation; false when none came (connection trouble). */
export async function confirmAck(
  { consumer, logger }: { consumer: string; logger: Logger },
  msg: JsMsg,
): Promise<boolean> {
  try {
    await msg.ackAck();
    return true;
  } catch (error) {
    // The effect is committed; a redelivery finds the inbox row and changes nothing.
    logger.warn({ consumer, seq: msg.seq, err: error }, 'ack not confirmed');
    return false;
  }
}

/** Tells the server the message is still being worked on, if the connection allows. */
export function keepAlive(msg: JsMsg): void {
  try {
    msg.working();
  } catch {
    // The connection is gone: the server redelivers after ack_wait.
  }
}
