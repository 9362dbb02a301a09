import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from '../../../../runtime';
import type { SubscriptionEvent } from '../SubscriptionField';

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
