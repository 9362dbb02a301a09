import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from '../SubscriptionField';

/**
 * What one client's delivery queue holds. Arrays are made when first needed and dropped
 * once empty: thousands of idle subscriptions then hold no backing stores.
 */
export interface QueueState {
  /** Events waiting to be resolved, in stream order; the first is being resolved. */
  events?: SubscriptionEvent[];
  /** Results waiting for the transport to take them. */
  ready?: FormattedExecutionResult[];
  /** Sequence of the last event added: one at or before it is a duplicate. */
  lastSeq: number;
  /** Whether events are being resolved now. */
  working: boolean;
  closed: boolean;
  /** Why the queue closed, when it failed; the results throw it. */
  failure?: Error;
  /** The transport, waiting for a result. */
  waiter?: () => void;
  /** Replays waiting for the events to drain below their mark. */
  drained?: (() => void)[];
}

/** How many events wait. */
export const waiting = (state: QueueState): number => state.events?.length ?? 0;

/** Lets the transport, if it waits, look at the results again. */
export function wakeReader(state: QueueState): void {
  const waiter = state.waiter;
  state.waiter = undefined;
  waiter?.();
}

/** Lets every replay waiting on the queue's length look at it again. */
export function notifyDrained(state: QueueState): void {
  const waiters = state.drained;
  if (!waiters) return;
  state.drained = undefined;
  for (const resolve of waiters) resolve();
}

/** Resolves once fewer than `count` events wait, or the queue closes. */
export async function whenBelow(state: QueueState, count: number): Promise<void> {
  while (waiting(state) >= count && !state.closed) {
    await new Promise<void>((resolve) => (state.drained ??= []).push(resolve));
  }
}

/** The next ready result, if any; the array goes once empty. */
export function takeReady(state: QueueState): FormattedExecutionResult | undefined {
  const value = state.ready?.shift();
  if (state.ready?.length === 0) state.ready = undefined;
  return value;
}
