import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { isPostgres } from '../dialect';
import { eventsStream } from '../envelope';
import type { Namespace } from '../types';
import { claimRows, saveRows } from './outboxRows';
import { publishRows, type Publisher, type RelayRound } from './publishRows';

export type { RelayRound } from './publishRows';

/** Options of {@link createRelayRounds}: the relay's, resolved. */
export interface RelayRoundsOptions {
  orm: MikroORM;
  js: JetStreamClient;
  namespace: Namespace;
  /** Rows claimed and published per round. */
  batchSize: number;
  /** How long to wait for JetStream's ack of one publish. */
  publishTimeoutMs: number;
  /** Fault injection: SIGKILL right after this many acknowledged publishes. */
  killAfterPublishes?: number;
}

/** Rounds of claiming the oldest unsent rows, publishing them (publishRows) and marking them sent. */
export interface RelayRounds {
  /** Runs a round after the one in progress; rounds never overlap. */
  run(): Promise<RelayRound>;
  /** Settles when the last round started has ended. */
  idle(): Promise<unknown>;
}

export function createRelayRounds(options: RelayRoundsOptions): RelayRounds {
  const { orm } = options;
  const claimInTransaction = isPostgres(orm);
  const publisher: Publisher & { batchSize: number } = {
    ...options,
    streamName: eventsStream(options.namespace),
    publishes: 0,
  };
  // Rounds of one relay never overlap, whether started by the loop or by drain().
  let lastRound: Promise<unknown> = Promise.resolve();
  const claimAndPublish = (em: EntityManager) =>
    claimAndPublishRows(publisher, em, claimInTransaction);
  return {
    run() {
      // Without the global subscribers: marking rows sent is not a change anyone waits for,
      // and a subscriber that notifies the relay on every commit would keep it spinning.
      const em = orm.em.fork({ freshEventManager: true });
      const round = lastRound.then(() =>
        claimInTransaction ? em.transactional(claimAndPublish) : claimAndPublish(em),
      );
      lastRound = round.catch(() => undefined);
      return round;
    },
    idle: () => lastRound,
  };
}

/**
 * Claims the oldest unsent rows (on PostgreSQL locked, skipping rows another replica holds),
 * publishes them and saves what became of each.
 */
async function claimAndPublishRows(
  publisher: Publisher & { batchSize: number },
  em: EntityManager,
  claimInTransaction: boolean,
): Promise<RelayRound> {
  const rows = await claimRows(em, publisher.batchSize, claimInTransaction);
  const attempts = rows.map((row) => row.attempts);
  const round = await publishRows(publisher, rows);
  const sent = rows.filter((row) => row.sentAt !== null);
  const failed = rows.filter((row, index) => row.attempts !== attempts[index]);
  await saveRows(em, sent, failed);
  return round;
}
