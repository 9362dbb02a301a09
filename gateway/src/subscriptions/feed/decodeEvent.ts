import type { JsMsg } from '@nats-io/jetstream';
import type { Logger } from '../../../../runtime/edge';
import type { SubscriptionEvent } from '../SubscriptionField';

/** The event a message carries; one that is not JSON is logged and skipped. */
export function decodeEvent(msg: JsMsg, logger: Logger): SubscriptionEvent | undefined {
  try {
    return { seq: msg.seq, subject: msg.subject, body: msg.json<Record<string, unknown>>() };
  } catch {
    logger.warn({ subject: msg.subject, seq: msg.seq }, 'event is not JSON; not pushed');
    return undefined;
  }
}
