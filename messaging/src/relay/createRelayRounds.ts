import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { isPostgres } from '../dialect';
import { eventsStream } from '../envelope';
import { errorMessage } from '../errors';
import { OutboxEntry } from '../outbox';
import type { Namespace } from '../types';

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

/** What one round came to; `error` when a publish failed and the rest of the batch waits. */
export interface RelayRound {
  published: number;
  claimed: number;
  error?: unknown;
}

/** Rounds of claiming the oldest unsent rows, publishing them in order and marking them sent. */
export interface RelayRounds {
  /** Runs a round after the one in progress; rounds never overlap. */
  run(): Promise<RelayRound>;
  /** Settles when the last round started has ended. */
  idle(): Promise<unknown>;
}

export function createRelayRounds(options: RelayRoundsOptions): RelayRounds {
  const { orm } = options;
  const claimInTransaction = isPostgres(orm);
  const publisher = { ...options, streamName: eventsStream(options.namespace), publishes: 0 };
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

/** What publishing needs, and the count of acknowledged publishes for fault injection. */
interface Publisher extends RelayRoundsOptions {
  streamName: string;
  publishes: number;
}

/**
 * Claims the oldest unsent rows (on PostgreSQL locked, skipping rows another replica holds),
 * publishes them and saves what became of each.
 */
async function claimAndPublishRows(
  publisher: Publisher,
  em: EntityManager,
  claimInTransaction: boolean,
): Promise<RelayRound> {
  const rows = await em.find(
    OutboxEntry,
    { sentAt: null },
    {
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: publisher.batchSize,
      ...(claimInTransaction && { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }),
    },
  );
  const round = await publishRows(publisher, rows);
  if (rows.length > 0) await em.flush();
  return round;
}

/** Publishes rows in order with msgID = event id, marking each sent; stops at the first failure. */
async function publishRows(publisher: Publisher, rows: OutboxEntry[]): Promise<RelayRound> {
  const { js, streamName } = publisher;
  let published = 0;
  for (const row of rows) {
    try {
      await js.publish(row.subject, row.payload, {
        msgID: row.id,
        timeout: publisher.publishTimeoutMs,
        expect: { streamName },
      });
      publisher.publishes += 1;
      if (publisher.publishes === publisher.killAfterPublishes) {
        process.kill(process.pid, 'SIGKILL');
      }
    } catch (error) {
      row.attempts += 1;
      row.lastError = errorMessage(error).slice(0, 1000);
      // Later rows wait, so events of one entity keep their order.
      return { published, claimed: rows.length, error };
    }
    row.sentAt = new Date();
    published += 1;
  }
  return { published, claimed: rows.length };
}
