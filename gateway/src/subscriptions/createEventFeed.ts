import {
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import type { Logger } from '../../../runtime/src/logger';
import type { SubscriptionEvent } from './SubscriptionField';

export interface EventFeedOptions {
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  logger: Logger;
}

/** Receives events in stream order. */
export type EventSink = (event: SubscriptionEvent) => void;

export interface JoinOptions {
  /** Replay the events after this stream sequence first. */
  after?: number;
  /** Whether the client is gone (stops a replay early). */
  closed(): boolean;
  /** Awaited after each replayed event, so a replay goes no faster than the client. */
  pace(): Promise<void>;
  /** A replay failed; live events stop too. */
  onError(error: unknown): void;
}

export interface EventFeed {
  /**
   * Sends `sink` every event on `subject` from now on, after replaying those after
   * `options.after` (in the background), with no gap and no duplicate between the two.
   * Resolves, once live events are covered, with the function that stops it.
   */
  join(subject: string, sink: EventSink, options: JoinOptions): Promise<() => void>;
  /** Subjects with a live consumer now (tests). */
  subjects(): string[];
  stop(): Promise<void>;
}

interface Channel {
  /** Sequence of the last event handed to listeners (or the stream's end when opened). */
  lastSeq: number;
  listeners: Set<(event: SubscriptionEvent) => void>;
  messages: ConsumerMessages;
}

interface Entry {
  refs: number;
  ready: Promise<Channel>;
}

/**
 * One ordered JetStream consumer per subject in use in this process, shared by all its
 * clients: opened by the first, closed when the last leaves. A client that resumes from
 * a cursor is first served by its own short-lived ordered consumer.
 */
export function createEventFeed(options: EventFeedOptions): EventFeed {
  const { js, jsm, stream, logger } = options;
  const entries = new Map<string, Entry>();

  const decode = (msg: JsMsg): SubscriptionEvent | undefined => {
    try {
      return { seq: msg.seq, subject: msg.subject, body: msg.json<Record<string, unknown>>() };
    } catch {
      logger.warn({ subject: msg.subject, seq: msg.seq }, 'event is not JSON; not pushed');
      return undefined;
    }
  };

  async function open(subject: string): Promise<Channel> {
    // Starting right after the stream's end makes "what the channel covers" exact.
    const start = (await jsm.streams.info(stream)).state.last_seq;
    const consumer = await js.consumers.get(stream, {
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: start + 1,
    });
    const channel: Channel = {
      lastSeq: start,
      listeners: new Set(),
      messages: await consumer.consume(),
    };
    void (async () => {
      for await (const msg of channel.messages) {
        const event = decode(msg);
        channel.lastSeq = msg.seq;
        if (event) for (const listener of channel.listeners) listener(event);
      }
    })().catch((error: unknown) => logger.error({ err: error, subject }, 'event feed stopped'));
    return channel;
  }

  function acquire(subject: string): Entry {
    let entry = entries.get(subject);
    if (!entry) {
      entry = { refs: 0, ready: open(subject) };
      entries.set(subject, entry);
      // A failed open is forgotten, so the next client tries again.
      entry.ready.catch(() => entries.get(subject) === entry && entries.delete(subject));
    }
    entry.refs += 1;
    return entry;
  }

  function release(subject: string, entry: Entry): void {
    entry.refs -= 1;
    if (entry.refs > 0) return;
    if (entries.get(subject) === entry) entries.delete(subject);
    void entry.ready.then((channel) => channel.messages.close()).catch(() => undefined);
  }

  /** Sends the events of (after, upTo] to `sink`; resolves with the last one sent. */
  async function replay(
    subject: string,
    after: number,
    upTo: number,
    sink: EventSink,
    options: JoinOptions,
  ): Promise<number> {
    const consumer = await js.consumers.get(stream, {
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
    });
    if ((await consumer.info()).num_pending === 0) return after;
    const messages = await consumer.consume({ max_messages: 256 });
    let last = after;
    try {
      for await (const msg of messages) {
        if (msg.seq > upTo || options.closed()) break;
        const event = decode(msg);
        last = msg.seq;
        if (event) sink(event);
        await options.pace();
        if (msg.seq >= upTo || msg.info.pending === 0) break;
      }
    } finally {
      await messages.close();
    }
    return last;
  }

  return {
    async join(subject, sink, joinOptions) {
      const { after } = joinOptions;
      const entry = acquire(subject);
      let channel: Channel;
      try {
        channel = await entry.ready;
      } catch (error) {
        release(subject, entry);
        throw error;
      }
      // Live events wait here while the replay runs, then follow it.
      const replaying = after !== undefined && after < channel.lastSeq;
      let buffer: SubscriptionEvent[] | null = replaying ? [] : null;
      const listener = (event: SubscriptionEvent) => (buffer ? buffer.push(event) : sink(event));
      channel.listeners.add(listener);
      const leave = () => {
        if (channel.listeners.delete(listener)) release(subject, entry);
      };
      if (replaying) {
        replay(subject, after, channel.lastSeq, sink, joinOptions)
          .then((last) => {
            for (const event of buffer ?? []) if (event.seq > last) sink(event);
            buffer = null;
          })
          .catch((error: unknown) => {
            leave();
            joinOptions.onError(error);
          });
      }
      return leave;
    },
    subjects: () => [...entries.keys()],
    async stop() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(
        all.map((entry) => entry.ready.then((c) => c.messages.close()).catch(() => undefined)),
      );
    },
  };
}
