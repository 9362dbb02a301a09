import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from '../../../../runtime/edge';
import type { SubscriptionEvent } from '../SubscriptionField';

export interface EventFeedOptions {
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  logger: Logger;
}

/** The clients of one key: see `SubscriptionField.route`. */
export interface FeedRoute {
  /** The key the client listens on. */
  key: unknown;
  /** An event's key; the same function for every client routed alike. */
  of(event: SubscriptionEvent): unknown;
}

/**
 * A client of the feed: an object whose methods the feed calls, rather than callbacks,
 * so that a gateway holding tens of thousands of clients holds no closures for them.
 */
export interface FeedClient {
  /** Where the client listens; without it, the client hears every event of its subject. */
  readonly route?: FeedRoute;
  /** Receives events in stream order. */
  receive(event: SubscriptionEvent): void;
  /** Whether the client is gone (stops a replay early). */
  gone(): boolean;
  /** Awaited after each replayed event, so a replay goes no faster than the client. */
  pace(): Promise<void>;
  /** A replay failed; the client has left the feed. */
  replayFailed(error: unknown): void;
}

export interface EventFeed {
  /**
   * Sends `client` every event on `subject` from now on, after replaying those after
   * `after` (in the background), with no gap and no duplicate between the two. Resolves
   * once live events are covered.
   */
  join(subject: string, client: FeedClient, after?: number): Promise<void>;
  /** How many events on `subject` the stream holds after sequence `after`. */
  countAfter(subject: string, after: number): Promise<number>;
  /** Stops sending `client` the subject's events; the last client closes the subject's consumer. */
  leave(subject: string, client: FeedClient): void;
  /** Subjects with a live consumer now (tests). */
  subjects(): string[];
  stop(): Promise<void>;
}
