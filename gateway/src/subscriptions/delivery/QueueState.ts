import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from '../SubscriptionField';

/** What one client's delivery queue holds; its functions share it. */
export interface QueueState {
  /** Events waiting to be resolved, in stream order; the first is being resolved. */
  events: SubscriptionEvent[];
  /** Results waiting for the transport to take them. */
  ready: FormattedExecutionResult[];
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
  drained: (() => void)[];
}

export const emptyQueue = (): QueueState => ({
  events: [],
  ready: [],
  lastSeq: 0,
  working: false,
  closed: false,
  drained: [],
});

/** Lets the transport, if it waits, look at the results again. */
export function wakeReader(state: QueueState): void {
  const waiter = state.waiter;
  state.waiter = undefined;
  waiter?.();
}

/** Lets every replay waiting on the queue's length look at it again. */
export function notifyDrained(state: QueueState): void {
  const waiting = state.drained;
  state.drained = [];
  for (const resolve of waiting) resolve();
}

/** Resolves once fewer than `count` events wait, or the queue closes. */
export async function whenBelow(state: QueueState, count: number): Promise<void> {
  while (state.events.length >= count && !state.closed) {
    await new Promise<void>((resolve) => state.drained.push(resolve));
  }
}
