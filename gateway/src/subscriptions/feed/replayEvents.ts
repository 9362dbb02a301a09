import { consumeFrom } from './consumeFrom';
import { decodeEvent } from './decodeEvent';
import type { EventFeedOptions, FeedClient } from './EventFeed';

/** The stretch of a subject's events a replay sends: those of (after, upTo]. */
export interface ReplayRange {
  subject: string;
  after: number;
  upTo: number;
}

/**
 * Sends the events of the range to the client through a short-lived consumer of its own,
 * at the client's pace; resolves with the sequence of the last one sent.
 */
export async function replayEvents(
  options: EventFeedOptions,
  { subject, after, upTo }: ReplayRange,
  client: FeedClient,
): Promise<number> {
  const consumer = await consumeFrom(options, subject, after + 1);
  if ((await consumer.info()).num_pending === 0) return after;
  const messages = await consumer.consume({ max_messages: 256 });
  let last = after;
  try {
    for await (const msg of messages) {
      if (msg.seq > upTo || client.gone()) break;
      const event = decodeEvent(msg, options.logger);
      last = msg.seq;
      if (event) client.receive(event);
      await client.pace();
      if (msg.seq >= upTo || msg.info.pending === 0) break;
    }
  } finally {
    await messages.close();
  }
  return last;
}
