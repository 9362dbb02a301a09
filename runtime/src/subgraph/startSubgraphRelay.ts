import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { createOutboxRelay, type OutboxRelay } from '../../../messaging';
import type { SubgraphSetup } from './SubgraphSetup';
import { wakeRelayOnCommit } from './wakeRelayOnCommit';

/**
 * Starts relaying `orm`'s outbox to JetStream, woken whenever a change that recorded events
 * commits rather than at its next poll.
 */
export function startSubgraphRelay<L>(
  setup: Pick<SubgraphSetup<L>, 'options' | 'namespace' | 'logger'>,
  orm: MikroORM,
  js: JetStreamClient,
): OutboxRelay {
  const relay = createOutboxRelay({
    orm,
    js,
    namespace: setup.namespace,
    logger: setup.logger,
    killAfterPublishes: setup.options.relayKillAfterPublishes,
    keepSentMs: setup.options.relayKeepSentMs,
  });
  wakeRelayOnCommit(orm, relay);
  relay.start();
  return relay;
}
