import { consumeFrom } from './consumeFrom';
import { createChannelPool, type ChannelPool, type PoolEntry } from './createChannelPool';
import type { EventFeed, EventFeedOptions, FeedClient } from './EventFeed';
import { openChannel, type Channel } from './openChannel';
import { replayEvents, type ReplayRange } from './replayEvents';

/** Takes the client off its subject's channel; the last one closes the channel. */
function leaveChannel(pool: ChannelPool, subject: string, client: FeedClient): void {
  const entry = pool.find(subject);
  const channel = entry?.channel;
  if (!entry || !channel?.clients.delete(client)) return;
  channel.held.delete(client);
  pool.release(subject, entry);
}

/**
 * Replays the range to the client, then hands it the live events that came meanwhile
 * and were not in the replay; a failed replay makes it leave.
 */
function catchUp(
  options: EventFeedOptions,
  pool: ChannelPool,
  range: ReplayRange,
  channel: Channel,
  client: FeedClient,
): void {
  replayEvents(options, range, client)
    .then((last) => {
      const held = channel.held.get(client) ?? [];
      channel.held.delete(client);
      for (const event of held) if (event.seq > last) client.receive(event);
    })
    .catch((error: unknown) => {
      leaveChannel(pool, range.subject, client);
      client.replayFailed(error);
    });
}

/**
 * One ordered JetStream consumer per subject in use in this process, shared by all its
 * clients: opened by the first, closed when the last leaves. A client that resumes from
 * a cursor is first served by its own short-lived ordered consumer.
 */
export function createEventFeed(options: EventFeedOptions): EventFeed {
  const pool = createChannelPool((subject) => openChannel(options, subject));

  async function ready(subject: string, entry: PoolEntry): Promise<Channel> {
    try {
      return await entry.ready;
    } catch (error) {
      pool.release(subject, entry);
      throw error;
    }
  }

  return {
    async join(subject, client, after) {
      const channel = await ready(subject, pool.acquire(subject));
      // Live events wait on the channel while the replay runs, then follow it.
      const replaying = after !== undefined && after < channel.lastSeq;
      channel.clients.add(client);
      if (replaying) {
        channel.held.set(client, []);
        catchUp(options, pool, { subject, after, upTo: channel.lastSeq }, channel, client);
      }
    },
    async countAfter(subject, after) {
      const consumer = await consumeFrom(options, subject, after + 1);
      return (await consumer.info()).num_pending;
    },
    leave: (subject, client) => leaveChannel(pool, subject, client),
    subjects: () => pool.subjects(),
    stop: () => pool.closeAll(),
  };
}
