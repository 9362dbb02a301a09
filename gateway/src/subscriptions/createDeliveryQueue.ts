import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from './SubscriptionField';

export interface DeliveryQueueOptions {
  /** The client's payload for an event, or null to push nothing. */
  resolve(event: SubscriptionEvent): Promise<FormattedExecutionResult | null>;
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
 * One client's events in stream order: resolved one at a time (so results keep the
 * order even though resolution is async) and handed to the transport as it asks.
 */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const events: SubscriptionEvent[] = [];
  const ready: FormattedExecutionResult[] = [];
  let lastSeq = 0;
  let working = false;
  let closed = false;
  let failure: Error | undefined;
  let waiter: (() => void) | undefined;
  let drained: (() => void)[] = [];

  const wake = () => {
    const w = waiter;
    waiter = undefined;
    w?.();
  };
  const notifyDrained = () => {
    const waiting = drained;
    drained = [];
    for (const resolve of waiting) resolve();
  };

  function close(error?: Error) {
    if (closed) return;
    closed = true;
    failure = error;
    events.length = 0;
    notifyDrained();
    wake();
    options.onClose?.();
  }

  async function work() {
    if (working) return;
    working = true;
    while (events.length > 0 && !closed) {
      const event = events[0]!;
      const result = await options.resolve(event).catch((error: unknown) => {
        close(error instanceof Error ? error : new Error(String(error)));
        return null;
      });
      events.shift();
      notifyDrained();
      if (result && !closed) {
        ready.push(result);
        wake();
      }
    }
    working = false;
  }

  function push(event: SubscriptionEvent) {
    if (closed || event.seq <= lastSeq) return;
    lastSeq = event.seq;
    events.push(event);
    if (events.length + ready.length > options.maxQueued) {
      close();
      options.onOverflow();
      return;
    }
    void work();
  }

  const results: AsyncIterableIterator<FormattedExecutionResult> = {
    [Symbol.asyncIterator]() {
      return results;
    },
    async next() {
      for (;;) {
        const value = ready.shift();
        if (value) return { value, done: false };
        if (failure) throw failure;
        if (closed) return { value: undefined, done: true };
        await new Promise<void>((resolve) => (waiter = resolve));
      }
    },
    async return() {
      close();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      close();
      throw error;
    },
  };

  return {
    push,
    async whenBelow(count) {
      while (events.length >= count && !closed) {
        await new Promise<void>((resolve) => drained.push(resolve));
      }
    },
    results,
    close,
    get closed() {
      return closed;
    },
  };
}
