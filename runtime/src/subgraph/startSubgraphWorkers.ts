import type { MikroORM } from '@mikro-orm/core';
import { onReconnect } from '../../../messaging';
import { serveResponders } from '../ownerRequests';
import type { SubgraphMessaging } from './createSubgraphRuntime';
import { createEventWorkers } from './createEventWorkers';
import { createSubgraphScheduler } from './createSubgraphScheduler';
import { startSubgraphRelay } from './startSubgraphRelay';
import type { SubgraphSetup } from './SubgraphSetup';
import type { SubgraphWorkers } from './SubgraphWorkers';
import { watchSubgraphMessaging } from './watchSubgraphMessaging';

/**
 * Starts the runtime's background work on `orm`, keeping each part in `workers`: the
 * scheduler when the module has jobs, and with NATS the outbox relay, event consumers and
 * dead-letter watchers (none of them when `runWorkers` is false); and its responders.
 */
export async function startSubgraphWorkers<L>(
  workers: SubgraphWorkers,
  setup: SubgraphSetup<L>,
  orm: MikroORM,
): Promise<void> {
  const { options } = setup;
  if (options.runWorkers !== false) {
    const scheduler = createSubgraphScheduler({
      ...setup,
      orm,
      inboxKeepMs: options.inboxKeepMs,
      // Publish a job's events as soon as its run commits (when there is a relay).
      onEventsRecorded: () => workers.relay?.notify(),
    });
    if (scheduler) workers.scheduler = scheduler;
    if (options.messaging) startMessagingWorkers(workers, setup, orm, options.messaging);
  }
  startResponders(workers, setup, orm);
  await Promise.all(workers.consumers.map((c) => c.start()));
  await Promise.all(workers.watchers.map((w) => w.start()));
  await workers.scheduler?.start();
}

/** The relay, then the consumers and watchers, their metric probes, and resuming on reconnect. */
function startMessagingWorkers<L>(
  workers: SubgraphWorkers,
  setup: SubgraphSetup<L>,
  orm: MikroORM,
  messaging: SubgraphMessaging,
): void {
  const relay = startSubgraphRelay(setup, orm, messaging.js);
  workers.relay = relay;
  const { consumers, watchers } = createEventWorkers({ ...setup, orm, messaging, relay });
  workers.consumers.push(...consumers);
  workers.watchers.push(...watchers);
  const clients = { jsm: messaging.jsm, namespace: setup.namespace };
  workers.unwatch.push(
    ...watchSubgraphMessaging(setup.module.name, orm, clients, workers.consumers),
  );
  if (messaging.nc) workers.unwatch.push(onReconnect(messaging.nc, () => resumeWorkers(workers)));
}

/** NATS is back: the relay and the consumers end their backoff pauses now. */
function resumeWorkers(workers: SubgraphWorkers): void {
  workers.relay?.resume();
  workers.consumers.forEach((consumer) => consumer.resume());
}

/** Answers the module's questions over NATS request/reply, when it has NATS and any. */
function startResponders<L>(workers: SubgraphWorkers, setup: SubgraphSetup<L>, orm: MikroORM) {
  const { module, namespace, logger } = setup;
  const nc = setup.options.messaging?.nc;
  if (!nc || !module.responders?.length) return;
  workers.stopResponders = serveResponders({
    nc,
    namespace,
    service: module.name,
    responders: module.responders,
    orm,
    logger,
  });
}
