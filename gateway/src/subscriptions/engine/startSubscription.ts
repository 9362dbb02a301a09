import type { FormattedExecutionResult } from 'graphql';
import type { Identity, Logger } from '../../../../runtime/edge';
import {
  createDeliveryQueue,
  type DeliveryQueue,
  type DeliveryQueueOptions,
} from '../delivery/createDeliveryQueue';
import type { EventResolver } from '../delivery/resolveQueued';
import type { EventFeed, FeedClient, FeedRoute } from '../feed/EventFeed';
import type { SubscriptionEvent, SubscriptionLimits } from '../SubscriptionField';
import type { PreparedSubscription } from './prepareSubscription';
import type { SubscriptionRequest } from './SubscriptionEngine';

/** What every subscription of an engine shares: the feed, the limits, the count of open ones. */
export interface StartContext {
  feed: EventFeed;
  limits: SubscriptionLimits;
  logger: Logger;
  /** The subscription is live. */
  onOpen(): void;
  /** A live subscription ended. */
  onEnd(): void;
}

/**
 * One live subscription: the feed's client, and its queue's options. One object with
 * shared methods rather than a closure per callback, since a gateway holds tens of
 * thousands of them.
 */
class LiveSubscription implements FeedClient, DeliveryQueueOptions {
  readonly queue: DeliveryQueue;
  readonly maxQueued: number;
  readonly route?: FeedRoute;
  /** Whether it joined the feed: only then does it count as open, and leave it on close. */
  joined = false;

  constructor(
    private readonly prepared: PreparedSubscription,
    private readonly identity: Identity | null,
    private readonly subject: string,
    private readonly resolver: EventResolver,
    private readonly overflow: () => void,
    private readonly context: StartContext,
  ) {
    this.maxQueued = context.limits.maxQueuedEvents;
    this.queue = createDeliveryQueue(this);
    const route = prepared.field.route;
    if (route) this.route = { key: route.client(prepared.args, identity), of: route.event };
  }

  receive(event: SubscriptionEvent): void {
    if (this.prepared.field.matches(event, this.prepared.args, this.identity)) {
      this.queue.push(event);
    }
  }

  gone(): boolean {
    return this.queue.closed;
  }

  pace(): Promise<void> {
    return this.queue.whenBelow(Math.ceil(this.maxQueued / 2));
  }

  replayFailed(error: unknown): void {
    this.context.logger.warn({ err: error }, 'subscription replay failed');
    this.queue.close(new Error('Replay failed; subscribe again.'));
  }

  resolve(event: SubscriptionEvent): Promise<FormattedExecutionResult | null> {
    return this.resolver.resolve(event);
  }

  onOverflow(): void {
    this.overflow();
  }

  onClose(): void {
    if (!this.joined) return;
    this.context.feed.leave(this.subject, this);
    this.context.onEnd();
  }
}

/**
 * Starts a prepared subscription: a delivery queue fed with the events on `subject` that
 * match the client, from `after` on when it resumes. Resolves with the client's results.
 */
export async function startSubscription(
  prepared: PreparedSubscription,
  request: SubscriptionRequest,
  target: { subject: string; resolver: EventResolver; after?: number },
  context: StartContext,
): Promise<AsyncIterableIterator<FormattedExecutionResult>> {
  const { subject, resolver, after } = target;
  const live = new LiveSubscription(
    prepared,
    request.context.identity,
    subject,
    resolver,
    request.onOverflow,
    context,
  );
  await context.feed.join(subject, live, after).catch((error: unknown) => {
    live.queue.close();
    throw error;
  });
  if (live.queue.closed) context.feed.leave(subject, live);
  else {
    live.joined = true;
    context.onOpen();
  }
  return live.queue.results;
}
