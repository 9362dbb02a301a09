import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { isPostgres } from '../../runtime/src/database';
import { eventsStream } from './envelope';
import { errorMessage, OutboxPublishError } from './errors';
import { defaultLogger, type Logger } from './logger';
import { OutboxEntry } from './outbox';
import type { Namespace } from './types';
import { backoffMs, createWakeup } from './wakeup';

/** Options of {@link createOutboxRelay}. */
export interface OutboxRelayOptions {
  /** The database whose `outbox` table is relayed. */
  orm: MikroORM;
  js: JetStreamClient;
  /** Events are published into this namespace's events stream (the publish asserts it). */
  namespace: Namespace;
  /** Rows claimed and published per round (default 100). */
  batchSize?: number;
  /** Pause between rounds when nothing is pending and no one calls `notify` (default 500 ms). */
  pollIntervalMs?: number;
  /** Longest pause after failed rounds; the pause doubles per failure from `pollIntervalMs` (default 30 s). */
  maxBackoffMs?: number;
  /** How long to wait for JetStream's ack of one publish (default 5 s). */
  publishTimeoutMs?: number;
  /**
   * How long a published row stays in the outbox before it is deleted (default 24 h): well
   * past the stream's duplicate window, and long enough to look at what went out recently.
   */
  keepSentMs?: number;
  /** How often the relay deletes rows published more than `keepSentMs` ago (default 10 min). */
  purgeIntervalMs?: number;
  /**
   * Fault injection for the fault suite only (docs/faults.md): the process kills itself with
   * SIGKILL right after its Nth acknowledged publish, before the row is marked sent.
   */
  killAfterPublishes?: number;
  logger?: Logger;
}

/** Publishes committed outbox rows to JetStream. */
export interface OutboxRelay {
  /** Starts relaying in the background until `stop`. */
  start(): void;
  /** Ends the loop after the round in progress. */
  stop(): Promise<void>;
  /** Starts the next round now; call after committing a transaction that recorded events. */
  notify(): void;
  /** Publishes everything pending now; returns how many rows it published, throws if one failed. */
  drain(): Promise<number>;
  /** NATS is reachable again: end a backoff pause now instead of waiting it out. */
  resume(): void;
}

interface Round {
  published: number;
  claimed: number;
  error?: unknown;
}

/**
 * The outbox relay. Each round claims the oldest unsent rows, publishes them in order with
 * msgID = event id and marks them sent. On PostgreSQL the rows are claimed with
 * `FOR UPDATE SKIP LOCKED` in a transaction held through the publish, so replicas share
 * the table without publishing a row twice at once. On SQLite one process relays and no
 * transaction is held across the network. A failed publish leaves the row (and the rows
 * after it) unsent for a later round: nothing is dropped, and a republish of a row JetStream
 * already had is dropped by the server's duplicate window.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { orm, js, namespace } = options;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 5000;
  const keepSentMs = options.keepSentMs ?? 24 * 3600_000;
  const purgeIntervalMs = options.purgeIntervalMs ?? 600_000;
  let lastPurge = 0;
  let publishes = 0;
  const logger = options.logger ?? defaultLogger();
  const streamName = eventsStream(namespace);
  const claimInTransaction = isPostgres(orm);
  const nudge = createWakeup();
  let stopping = createWakeup();
  let running = false;
  let failures = 0;
  let loop: Promise<void> | undefined;
  // Rounds of one relay never overlap, whether started by the loop or by drain().
  let lastRound: Promise<unknown> = Promise.resolve();

  async function publishRows(rows: OutboxEntry[]): Promise<Round> {
    let published = 0;
    for (const row of rows) {
      try {
        await js.publish(row.subject, row.payload, {
          msgID: row.id,
          timeout: publishTimeoutMs,
          expect: { streamName },
        });
        publishes += 1;
        if (publishes === options.killAfterPublishes) process.kill(process.pid, 'SIGKILL');
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

  async function claimAndPublish(em: EntityManager): Promise<Round> {
    const rows = await em.find(
      OutboxEntry,
      { sentAt: null },
      {
        orderBy: { createdAt: 'asc', id: 'asc' },
        limit: batchSize,
        ...(claimInTransaction && { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE }),
      },
    );
    const round = await publishRows(rows);
    if (rows.length > 0) await em.flush();
    return round;
  }

  function runRound(): Promise<Round> {
    // Without the global subscribers: marking rows sent is not a change anyone waits for, and
    // a subscriber that notifies the relay on every commit would otherwise keep it spinning.
    const em = orm.em.fork({ freshEventManager: true });
    const round = lastRound.then(() =>
      claimInTransaction ? em.transactional(claimAndPublish) : claimAndPublish(em),
    );
    lastRound = round.catch(() => undefined);
    return round;
  }

  /** Deletes rows published long ago, so the table holds what is pending and recent only. */
  async function purgeSent(): Promise<void> {
    if (Date.now() - lastPurge < purgeIntervalMs) return;
    lastPurge = Date.now();
    const cutoff = new Date(Date.now() - keepSentMs);
    try {
      const em = orm.em.fork({ freshEventManager: true });
      const purged = await em.nativeDelete(OutboxEntry, { sentAt: { $lt: cutoff } });
      if (purged > 0) logger.debug({ purged }, 'published outbox rows deleted');
    } catch (error) {
      logger.warn({ err: errorMessage(error) }, 'outbox purge failed; it runs again later');
    }
  }

  async function relayLoop(): Promise<void> {
    failures = 0;
    while (running) {
      await purgeSent();
      let round: Round;
      try {
        round = await runRound();
      } catch (error) {
        round = { published: 0, claimed: 0, error };
      }
      if (round.error !== undefined) {
        failures += 1;
        const pauseMs = backoffMs(failures, pollIntervalMs, maxBackoffMs);
        logger.warn(
          { err: errorMessage(round.error), published: round.published, failures, pauseMs },
          'outbox relay round failed; unsent rows stay for the next round',
        );
        await stopping.wait(pauseMs);
        continue;
      }
      failures = 0;
      if (round.claimed < batchSize) await nudge.wait(pollIntervalMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = createWakeup();
      loop = relayLoop();
    },
    async stop() {
      running = false;
      nudge.wake();
      stopping.wake();
      await loop;
      await lastRound;
      loop = undefined;
    },
    notify() {
      nudge.wake();
    },
    resume() {
      failures = 0;
      stopping.wake();
    },
    async drain() {
      let total = 0;
      for (;;) {
        const round = await runRound();
        total += round.published;
        if (round.error !== undefined) {
          throw new OutboxPublishError(`Outbox relay published ${total} events, then failed.`, {
            cause: round.error,
          });
        }
        if (round.claimed < batchSize) return total;
      }
    },
  };
}
