import type { ChildProcess } from 'node:child_process';
import type { ProcessMetrics } from '../../../runtime/edge';
import type { MetricsRequest } from './subgraphProcessMessages';

/** Asks the second process for its metrics, and takes its answers in. */
export interface MetricsAsker {
  /** The child's metrics, or none when there is no child or it does not answer in time. */
  ask(child: ChildProcess | undefined): Promise<ProcessMetrics[]>;
  /** An answer from the child. */
  answered(id: number, metrics: ProcessMetrics): void;
}

/** A scrape waits at most `timeoutMs` for the child: a busy or dying one leaves its part out. */
export function createMetricsAsker(timeoutMs = 2000): MetricsAsker {
  let lastId = 0;
  const waiting = new Map<number, (metrics: ProcessMetrics[]) => void>();
  return {
    ask(child) {
      if (!child?.connected) return Promise.resolve([]);
      const id = (lastId += 1);
      return new Promise((resolve) => {
        const settle = (metrics: ProcessMetrics[]) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(metrics);
        };
        const timer = setTimeout(() => settle([]), timeoutMs);
        waiting.set(id, settle);
        const request: MetricsRequest = { type: 'metrics', id };
        child.send(request, (error) => error && settle([]));
      });
    },
    answered(id, metrics) {
      waiting.get(id)?.([metrics]);
    },
  };
}
