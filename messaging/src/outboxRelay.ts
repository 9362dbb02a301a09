import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { OutboxPublishError } from './errors';
import { defaultLogger, type Logger } from './logger';
import { createOutboxPurge } from './relay/createOutboxPurge';
import { createRelayRounds, type RelayRounds } from './relay/createRelayRounds';
import { runRelayLoop, type RelayLoopState } from './relay/runRelayLoop';
import type { Namespace } from './types';
import { createWakeup } from './wakeup';

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
   * How long a published row stays in the outbox before it is deleted (default 30 days, the
   * platform's OUTBOX_RETENTION_DAYS): events lost from the stream within it can be
   * republished from here (republishOutbox).
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

/**
 * The outbox relay. Each round claims the oldest unsent rows, publishes them with msgID =
 * event id, several at once but one entity's in order (relay/publishRows), and marks them
 * sent. On PostgreSQL the rows are claimed with
 * `FOR UPDATE SKIP LOCKED` in a transaction held through the publish, so replicas share
 * the table without publishing a row twice at once. On SQLite one process relays and no
 * transaction is held across the network. A failed publish leaves the row (and the rows
 * not sent after it) unsent for a later round: nothing is dropped, and a republish of a row JetStream
 * already had is dropped by the server's duplicate window.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const logger = options.logger ?? defaultLogger();
  const rounds = createRelayRounds({
    ...options,
    batchSize,
    publishTimeoutMs: options.publishTimeoutMs ?? 5000,
  });
  const purge = createOutboxPurge({
    orm: options.orm,
    keepSentMs: options.keepSentMs ?? 30 * 24 * 3600_000,
    purgeIntervalMs: options.purgeIntervalMs ?? 600_000,
    logger,
  });
  const state: RelayLoopState = {
    running: false,
    failures: 0,
    nudge: createWakeup(),
    stopping: createWakeup(),
  };
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const loopOptions = { state, rounds, purge, batchSize, pollIntervalMs, maxBackoffMs, logger };
  let loop: Promise<void> | undefined;
  return {
    start() {
      if (state.running) return;
      state.running = true;
      state.stopping = createWakeup();
      loop = runRelayLoop(loopOptions);
    },
    async stop() {
      state.running = false;
      state.nudge.wake();
      state.stopping.wake();
      await loop;
      await rounds.idle();
      loop = undefined;
    },
    notify() {
      state.nudge.wake();
    },
    resume() {
      state.failures = 0;
      state.stopping.wake();
    },
    drain: () => drainOutbox(rounds, batchSize),
  };
}

/** Runs rounds until one does not fill a batch; how many rows they published. */
async function drainOutbox(rounds: RelayRounds, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const round = await rounds.run();
    total += round.published;
    if (round.error !== undefined) {
      throw new OutboxPublishError(`Outbox relay published ${total} events, then failed.`, {
        cause: round.error,
      });
    }
    if (round.claimed < batchSize) return total;
  }
}
