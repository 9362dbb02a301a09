import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from '../SubscriptionField';
import { notifyDrained, wakeReader, type QueueState } from './QueueState';

/** Resolves an event to the client's payload, or null to push nothing. */
export interface EventResolver {
  resolve(event: SubscriptionEvent): Promise<FormattedExecutionResult | null>;
}

/** What resolving the queue works on: its state, how to resolve, and how to close it. */
export interface ResolvingQueue {
  state: QueueState;
  options: EventResolver;
  close(error?: Error): void;
}

/** Takes the first waiting event; the array goes once empty. */
function shiftEvent(state: QueueState): void {
  state.events?.shift();
  if (state.events?.length === 0) state.events = undefined;
}

/**
 * Resolves the waiting events one at a time, so the results keep stream order even
 * though resolution is async; a resolution that fails closes the queue with its error.
 */
export async function resolveQueued(queue: ResolvingQueue): Promise<void> {
  const { state } = queue;
  if (state.working) return;
  state.working = true;
  while (state.events && !state.closed) {
    const result = await queue.options.resolve(state.events[0]!).catch((error: unknown) => {
      queue.close(error instanceof Error ? error : new Error(String(error)));
      return null;
    });
    shiftEvent(state);
    notifyDrained(state);
    if (result && !state.closed) {
      (state.ready ??= []).push(result);
      wakeReader(state);
    }
  }
  state.working = false;
}
