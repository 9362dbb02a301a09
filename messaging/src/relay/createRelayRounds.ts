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

/**
 * Publishes rows with msgID = event id, all in flight at once: they leave in order on one
 * connection, and a round waits for the event loop once rather than once per row (on a busy
 * SQLite process each wait took a whole turn of the loop). Marks sent the rows before the
 * first failure; that row and the rest wait for a later round, where JetStream's duplicate
 * window drops any of them it stored meanwhile.
 */
async function publishRows(publisher: Publisher, rows: OutboxEntry[]): Promise<RelayRound> {
  const { js, streamName } = publisher;
  const results = await Promise.allSettled(
    rows.map((row) =>
      js.publish(row.subject, row.payload, {
        msgID: row.id,
        timeout: publisher.publishTimeoutMs,
        expect: { streamName },
      }),
    ),
  );
  const sentAt = new Date();
  for (const [published, result] of results.entries()) {
    const row = rows[published]!;
    if (result.status === 'rejected') {
      row.attempts += 1;
      row.lastError = errorMessage(result.reason).slice(0, 1000);
      return { published, claimed: rows.length, error: result.reason };
    }
    publisher.publishes += 1;
    if (publisher.publishes === publisher.killAfterPublishes) process.kill(process.pid, 'SIGKILL');
    row.sentAt = sentAt;
  }
  return { published: rows.length, claimed: rows.length };
}
