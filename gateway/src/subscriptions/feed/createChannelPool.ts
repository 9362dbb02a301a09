import type { Channel } from './openChannel';

/** A channel shared by the clients of one subject, and how many they are. */
export interface PoolEntry {
  refs: number;
  ready: Promise<Channel>;
  /** The channel, once open. */
  channel?: Channel;
}

export interface ChannelPool {
  /** The subject's channel, opened by its first client. */
  acquire(subject: string): PoolEntry;
  /** The subject's entry now, if it has one. */
  find(subject: string): PoolEntry | undefined;
  /** One client less; the last one closes the channel. */
  release(subject: string, entry: PoolEntry): void;
  /** Subjects with a channel now. */
  subjects(): string[];
  /** Closes every channel. */
  closeAll(): Promise<void>;
}

const closeChannel = (entry: PoolEntry) =>
  entry.ready.then((channel) => channel.messages.close()).catch(() => undefined);

/** The channels in use in this process, one per subject, counted by their clients. */
export function createChannelPool(open: (subject: string) => Promise<Channel>): ChannelPool {
  const entries = new Map<string, PoolEntry>();
  return {
    acquire(subject) {
      let entry = entries.get(subject);
      if (!entry) {
        const opened: PoolEntry = { refs: 0, ready: open(subject) };
        entries.set(subject, (entry = opened));
        // A failed open is forgotten, so the next client tries again.
        opened.ready.then(
          (channel) => (opened.channel = channel),
          () => entries.get(subject) === opened && entries.delete(subject),
        );
      }
      entry.refs += 1;
      return entry;
    },
    find: (subject) => entries.get(subject),
    release(subject, entry) {
      entry.refs -= 1;
      if (entry.refs > 0) return;
      if (entries.get(subject) === entry) entries.delete(subject);
      void closeChannel(entry);
    },
    subjects: () => [...entries.keys()],
    async closeAll() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map(closeChannel));
    },
  };
}
