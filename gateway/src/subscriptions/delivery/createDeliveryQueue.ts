import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from '../SubscriptionField';
import {
  notifyDrained,
  takeReady,
  wakeReader,
  waiting,
  whenBelow,
  type QueueState,
} from './QueueState';
import { resolveQueued, type EventResolver } from './resolveQueued';

export interface DeliveryQueueOptions extends EventResolver {
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

/**
 * The queue and its results in one object, its methods shared by all: a gateway holds
 * tens of thousands of these, and closures per queue would cost more than the queue.
 */
class Queue implements DeliveryQueue, AsyncIterableIterator<FormattedExecutionResult> {
  readonly state: QueueState = { lastSeq: 0, working: false, closed: false };

  constructor(readonly options: DeliveryQueueOptions) {}

  get results(): AsyncIterableIterator<FormattedExecutionResult> {
    return this;
  }

  get closed(): boolean {
    return this.state.closed;
  }

  push(event: SubscriptionEvent): void {
    const { state } = this;
    if (state.closed || event.seq <= state.lastSeq) return;
    state.lastSeq = event.seq;
    (state.events ??= []).push(event);
    if (waiting(state) + (state.ready?.length ?? 0) > this.options.maxQueued) {
      this.close();
      this.options.onOverflow();
      return;
    }
    void resolveQueued(this);
  }

  whenBelow(count: number): Promise<void> {
    return whenBelow(this.state, count);
  }

  /** Closes the queue once: drops what waits, wakes whoever waits on it, then `onClose`. */
  close(error?: Error): void {
    const { state } = this;
    if (state.closed) return;
    state.closed = true;
    state.failure = error;
    state.events = undefined;
    notifyDrained(state);
    wakeReader(state);
    this.options.onClose?.();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<FormattedExecutionResult> {
    return this;
  }

  /** The next result in stream order, waiting while none is ready. */
  async next(): Promise<IteratorResult<FormattedExecutionResult>> {
    const { state } = this;
    for (;;) {
      const value = takeReady(state);
      if (value) return { value, done: false };
      if (state.failure) throw state.failure;
      if (state.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (state.waiter = resolve));
    }
  }

  async return(): Promise<IteratorResult<FormattedExecutionResult>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<FormattedExecutionResult>> {
    this.close();
    throw error;
  }
}

/**
 * One client's events in stream order: resolved one at a time (so results keep the
 * order even though resolution is async) and handed to the transport as it asks.
 */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  return new Queue(options);
}
