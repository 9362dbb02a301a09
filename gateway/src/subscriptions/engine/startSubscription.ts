import type { FormattedExecutionResult } from 'graphql';
import type { Logger } from '../../../../runtime';
import { createDeliveryQueue, type DeliveryQueue } from '../delivery/createDeliveryQueue';
import type { EventResolver } from '../delivery/resolveQueued';
import type { EventFeed } from '../feed/EventFeed';
import type { SubscriptionEvent, SubscriptionLimits } from '../SubscriptionField';
import type { PreparedSubscription } from './prepareSubscription';
import type { SubscriptionRequest } from './SubscriptionEngine';

/** What starting a subscription uses: the feed, the limits, and the count of open ones. */
export interface StartContext {
  feed: EventFeed;
  /** The NATS subject of the field's events. */
  subject: string;
  limits: SubscriptionLimits;
  logger: Logger;
  resolve: EventResolver;
  /** The subscription is live. */
  onOpen(): void;
  /** A live subscription ended. */
  onEnd(): void;
}

/** Joins the feed for the queue, replaying the events after `after` first. */
function joinFeed(
  context: StartContext,
  queue: DeliveryQueue,
  sink: (event: SubscriptionEvent) => void,
  after: number | undefined,
): Promise<() => void> {
  return context.feed.join(context.subject, sink, {
    after,
    closed: () => queue.closed,
    pace: () => queue.whenBelow(Math.ceil(context.limits.maxQueuedEvents / 2)),
    onError: (error) => {
      context.logger.warn({ err: error }, 'subscription replay failed');
      queue.close(new Error('Replay failed; subscribe again.'));
    },
  });
}

/**
 * Starts a prepared subscription: a delivery queue fed with the events of its field that
 * match the client, from `after` on when it resumes. Resolves with the client's results.
 */
export async function startSubscription(
  { field, args }: PreparedSubscription,
  request: SubscriptionRequest,
  after: number | undefined,
  context: StartContext,
): Promise<AsyncIterableIterator<FormattedExecutionResult>> {
  const identity = request.context.identity;
  let leave: (() => void) | undefined;
  let joined = false;
  const queue = createDeliveryQueue({
    resolve: context.resolve,
    maxQueued: context.limits.maxQueuedEvents,
    onOverflow: request.onOverflow,
    onClose: () => {
      leave?.();
      if (joined) context.onEnd();
    },
  });
  const sink = (event: SubscriptionEvent) => {
    if (field.matches(event, args, identity)) queue.push(event);
  };
  try {
    leave = await joinFeed(context, queue, sink, after);
  } catch (error) {
    queue.close();
    throw error;
  }
  if (queue.closed) leave();
  else {
    joined = true;
    context.onOpen();
  }
  return queue.results;
}
