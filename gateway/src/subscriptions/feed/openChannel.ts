import type { ConsumerMessages } from '@nats-io/jetstream';
import type { SubscriptionEvent } from '../SubscriptionField';
import { consumeFrom } from './consumeFrom';
import { decodeEvent } from './decodeEvent';
import type { EventFeedOptions } from './EventFeed';

/** One subject's live events, handed to every listener. */
export interface Channel {
  /** Sequence of the last event handed to listeners (or the stream's end when opened). */
  lastSeq: number;
  listeners: Set<(event: SubscriptionEvent) => void>;
  messages: ConsumerMessages;
}

/** Opens a channel on `subject` that covers every event after the stream's end now. */
export async function openChannel(options: EventFeedOptions, subject: string): Promise<Channel> {
  const { jsm, stream, logger } = options;
  // Starting right after the stream's end makes "what the channel covers" exact.
  const start = (await jsm.streams.info(stream)).state.last_seq;
  const consumer = await consumeFrom(options, subject, start + 1);
  const channel: Channel = {
    lastSeq: start,
    listeners: new Set(),
    messages: await consumer.consume(),
  };
  void (async () => {
    for await (const msg of channel.messages) {
      const event = decodeEvent(msg, logger);
      channel.lastSeq = msg.seq;
      if (event) for (const listener of channel.listeners) listener(event);
    }
  })().catch((error: unknown) => logger.error({ err: error, subject }, 'event feed stopped'));
  return channel;
}
