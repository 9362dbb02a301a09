import type { FormattedExecutionResult } from 'graphql';
import type { QueueState } from './QueueState';

/**
 * The queue's results as the transport reads them, in stream order: it waits while
 * none is ready, and `return()` or `throw()` closes the queue.
 */
export function queueResults(
  state: QueueState,
  close: () => void,
): AsyncIterableIterator<FormattedExecutionResult> {
  const results: AsyncIterableIterator<FormattedExecutionResult> = {
    [Symbol.asyncIterator]() {
      return results;
    },
    async next() {
      for (;;) {
        const value = state.ready.shift();
        if (value) return { value, done: false };
        if (state.failure) throw state.failure;
        if (state.closed) return { value: undefined, done: true };
        await new Promise<void>((resolve) => (state.waiter = resolve));
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
  return results;
}
