import type { DeadLetterWatcher, EventConsumer, OutboxRelay, Scheduler } from '../../../messaging';

/** A runtime's background work while it runs; see `startSubgraphWorkers`. */
export interface SubgraphWorkers {
  relay?: OutboxRelay;
  consumers: EventConsumer[];
  watchers: DeadLetterWatcher[];
  scheduler?: Scheduler;
  /** Removes this runtime's metric probes. */
  unwatch: (() => void)[];
  /** Stops answering the module's questions. */
  stopResponders?: () => void;
}

/** No workers: before the first start, and after each stop so the next start begins afresh. */
export const noWorkers = (): SubgraphWorkers => ({
  relay: undefined,
  consumers: [],
  watchers: [],
  scheduler: undefined,
  unwatch: [],
  stopResponders: undefined,
});

/** Stops the workers in order, the relay last so it still publishes what the others record. */
export async function stopSubgraphWorkers(workers: SubgraphWorkers): Promise<void> {
  workers.unwatch.forEach((unwatch) => unwatch());
  workers.stopResponders?.();
  await Promise.all(workers.consumers.map((c) => c.stop()));
  await Promise.all(workers.watchers.map((w) => w.stop()));
  // Before the relay, so the events of a run in progress are still relayed by it.
  await workers.scheduler?.stop();
  await workers.relay?.stop();
}
