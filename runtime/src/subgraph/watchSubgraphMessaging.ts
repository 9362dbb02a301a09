import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamManager } from '@nats-io/jetstream';
import {
  countDeadLetters,
  type EventConsumer,
  eventsStream,
  type Namespace,
  OutboxEntry,
} from '../../../messaging';
import { watchConsumerLag, watchDeadLetters, watchOutboxBacklog } from '../metrics';

/**
 * Metric probes of a subgraph's messaging: its outbox backlog, and each consumer's lag and
 * dead letters. Returns what removes each probe.
 */
export function watchSubgraphMessaging(
  subgraph: string,
  orm: MikroORM,
  clients: { jsm: JetStreamManager; namespace: Namespace },
  consumers: readonly EventConsumer[],
): (() => void)[] {
  const { jsm, namespace } = clients;
  const backlog = () => orm.em.fork().count(OutboxEntry, { sentAt: null });
  const unwatch = [watchOutboxBacklog(subgraph, backlog)];
  for (const consumer of consumers) {
    const pending = async () => {
      const info = await jsm.consumers.info(eventsStream(namespace), consumer.name);
      return info.num_pending + info.num_ack_pending;
    };
    unwatch.push(watchConsumerLag(consumer.name, pending));
    const parked = () => countDeadLetters(clients, consumer.name);
    unwatch.push(watchDeadLetters(consumer.name, parked));
  }
  return unwatch;
}
