import type { MikroORM } from '@mikro-orm/core';
import {
  createDeadLetterWatcher,
  createEventConsumer,
  type DeadLetterWatcher,
  type EventConsumer,
  type OutboxRelay,
  untypedHandler,
} from '../../../messaging';
import type { SubgraphMessaging } from './createSubgraphRuntime';
import type { SubgraphSetup } from './SubgraphSetup';

/** Options of {@link createEventWorkers}. */
export interface EventWorkersOptions<L> extends Pick<SubgraphSetup<L>, 'module' | 'logger'> {
  orm: MikroORM;
  messaging: SubgraphMessaging;
  /** Woken by the watchers after they record events. */
  relay: OutboxRelay;
}

/** The module's event consumers and dead-letter watchers, one per handler, not yet started. */
export function createEventWorkers<L>(options: EventWorkersOptions<L>): {
  consumers: EventConsumer[];
  watchers: DeadLetterWatcher[];
} {
  const { module, orm, messaging, logger } = options;
  const consumers = (module.eventHandlers ?? []).map((handler) =>
    createEventConsumer({
      orm,
      ...messaging,
      subgraph: module.name,
      handler: untypedHandler(handler),
      logger,
    }),
  );
  const watchers = (module.deadLetterHandlers ?? []).map((handler) =>
    createDeadLetterWatcher({
      orm,
      ...messaging,
      subgraph: module.name,
      handler,
      logger,
      relay: options.relay,
    }),
  );
  return { consumers, watchers };
}
