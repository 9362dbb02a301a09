import type { ConsumerMessages } from '@nats-io/jetstream';
import type { SubscriptionEvent } from '../SubscriptionField';
import { ChannelClients } from './ChannelClients';
import { consumeFrom } from './consumeFrom';
import { decodeEvent } from './decodeEvent';
import type { EventFeedOptions, FeedClient } from './EventFeed';

/** One subject's live events, handed to every client. */
export interface Channel {
  /** Sequence of the last event handed to clients (or the stream's end when opened). */
  lastSeq: number;
  clients: ChannelClients;
  /** Live events held for clients still replaying, handed over once the replay is done. */
  held: Map<FeedClient, SubscriptionEvent[]>;
  messages: ConsumerMessages;
}

/** Hands an event to each client, or holds it for those still replaying. */
function dispatch(channel: Channel, event: SubscriptionEvent): void {
  const holding = channel.held.size > 0;
  for (const client of channel.clients.for(event)) {
    const held = holding ? channel.held.get(client) : undefined;
    if (held) held.push(event);
    else client.receive(event);
  }
}

/** Opens a channel on `subject` that covers every event after the stream's end now. */
export async function openChannel(options: EventFeedOptions, subject: string): Promise<Channel> {
  const { jsm, stream, logger } = options;
  // Starting right after the stream's end makes "what the channel covers" exact.
  const start = (await jsm.streams.info(stream)).state.last_seq;
  const consumer = await consumeFrom(options, subject, start + 1);
  const channel: Channel = {
    lastSeq: start,
    clients: new ChannelClients(),
    held: new Map(),
    messages: await consumer.consume(),
  };
  void (async () => {
    for await (const msg of channel.messages) {
      const event = decodeEvent(msg, logger);
      channel.lastSeq = msg.seq;
      if (event) dispatch(channel, event);
    }
  })().catch((error: unknown) => logger.error({ err: error, subject }, 'event feed stopped'));
  return channel;
}
