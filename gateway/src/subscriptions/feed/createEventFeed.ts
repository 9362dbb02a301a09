import type { SubscriptionEvent } from '../SubscriptionField';
import { createChannelPool, type PoolEntry } from './createChannelPool';
import type { EventFeed, EventFeedOptions, EventSink, JoinOptions } from './EventFeed';
import { openChannel, type Channel } from './openChannel';
import { replayEvents, type ReplayRange } from './replayEvents';

/** A client on a channel: live events go to `sink`, or wait in `held` while a replay runs. */
interface Listening {
  sink: EventSink;
  held: SubscriptionEvent[] | null;
}

/**
 * Replays the range to the client, then hands it the live events that came meanwhile
 * and were not in the replay; a failed replay makes it leave.
 */
function catchUp(
  options: EventFeedOptions,
  range: ReplayRange,
  listening: Listening,
  join: JoinOptions,
  leave: () => void,
): void {
  replayEvents(options, range, listening.sink, join)
    .then((last) => {
      for (const event of listening.held ?? []) if (event.seq > last) listening.sink(event);
      listening.held = null;
    })
    .catch((error: unknown) => {
      leave();
      join.onError(error);
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
    async join(subject, sink, joinOptions) {
      const entry = pool.acquire(subject);
      const channel = await ready(subject, entry);
      const { after } = joinOptions;
      // Live events wait here while the replay runs, then follow it.
      const replaying = after !== undefined && after < channel.lastSeq;
      const listening: Listening = { sink, held: replaying ? [] : null };
      const listener = (event: SubscriptionEvent) =>
        listening.held ? listening.held.push(event) : sink(event);
      channel.listeners.add(listener);
      const leave = () => {
        if (channel.listeners.delete(listener)) pool.release(subject, entry);
      };
      if (replaying) {
        const range = { subject, after, upTo: channel.lastSeq };
        catchUp(options, range, listening, joinOptions, leave);
      }
      return leave;
    },
    subjects: () => pool.subjects(),
    stop: () => pool.closeAll(),
  };
}
