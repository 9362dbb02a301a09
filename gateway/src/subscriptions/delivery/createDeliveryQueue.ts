import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from '../SubscriptionField';
import { emptyQueue, notifyDrained, wakeReader, whenBelow, type QueueState } from './QueueState';
import { queueResults } from './queueResults';
import { resolveQueued, type EventResolver } from './resolveQueued';

export interface DeliveryQueueOptions {
  /** The client's payload for an event, or null to push nothing. */
  resolve: EventResolver;
  /** Events and results one client may have waiting before `onOverflow`. */
  maxQueued: number;
  /** Called once when the client falls too far behind; the queue is closed. */
  onOverflow(): void;
  /** Called once when the queue closes, whatever the reason. */
  onClose?(): void;
}

export interface DeliveryQueue {
  /** Adds an event; one at or before the last added is a duplicate and is dropped. */
  push(event: SubscriptionEvent): void;
  /** Resolves once fewer than `count` events wait (a replay paces itself with it). */
  whenBelow(count: number): Promise<void>;
  /** The results, in stream order; `return()` closes the queue. */
  results: AsyncIterableIterator<FormattedExecutionResult>;
  close(error?: Error): void;
  readonly closed: boolean;
}

/** Closes the queue once: drops what waits, wakes whoever waits on it, then `onClose`. */
function closeQueue(state: QueueState, options: DeliveryQueueOptions, error?: Error): void {
  if (state.closed) return;
  state.closed = true;
  state.failure = error;
  state.events.length = 0;
  notifyDrained(state);
  wakeReader(state);
  options.onClose?.();
}

/**
 * One client's events in stream order: resolved one at a time (so results keep the
 * order even though resolution is async) and handed to the transport as it asks.
 */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const state = emptyQueue();
  const close = (error?: Error) => closeQueue(state, options, error);
  const resolve: EventResolver = (event) => options.resolve(event);

  function push(event: SubscriptionEvent) {
    if (state.closed || event.seq <= state.lastSeq) return;
    state.lastSeq = event.seq;
    state.events.push(event);
    if (state.events.length + state.ready.length > options.maxQueued) {
      close();
      options.onOverflow();
      return;
    }
    void resolveQueued(state, resolve, close);
  }

  return {
    push,
    whenBelow: (count) => whenBelow(state, count),
    results: queueResults(state, close),
    close,
    get closed() {
      return state.closed;
    },
  };
}
