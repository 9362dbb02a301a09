import type { FormattedExecutionResult } from 'graphql';
import type { SubscriptionEvent } from '../SubscriptionField';
import { notifyDrained, wakeReader, type QueueState } from './QueueState';

/** Resolves an event to the client's payload, or null to push nothing. */
export type EventResolver = (event: SubscriptionEvent) => Promise<FormattedExecutionResult | null>;

/**
 * Resolves the waiting events one at a time, so the results keep stream order even
 * though resolution is async; a resolution that fails closes the queue with its error.
 */
export async function resolveQueued(
  state: QueueState,
  resolve: EventResolver,
  close: (error: Error) => void,
): Promise<void> {
  if (state.working) return;
  state.working = true;
  while (state.events.length > 0 && !state.closed) {
    const result = await resolve(state.events[0]!).catch((error: unknown) => {
      close(error instanceof Error ? error : new Error(String(error)));
      return null;
    });
    state.events.shift();
    notifyDrained(state);
    if (result && !state.closed) {
      state.ready.push(result);
      wakeReader(state);
    }
  }
  state.working = false;
}
