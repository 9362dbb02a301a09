import crypto from 'node:crypto';
import os from 'node:os';
import type { MikroORM } from '@mikro-orm/core';
import { isPostgres } from '../dialect';
import { loadCatalogue, type EventCatalogue } from '../catalogue';
import { MessagingConfigError } from '../errors';
import { defaultLogger, type Logger } from '../logger';
import type { JobDefinition, JobDraft, Namespace } from '../types';
import { backoffMs, createWakeup } from '../wakeup';
import { createJobRunner, type JobRunner } from './createJobRunner';
import { inSqliteTurn } from './inSqliteTurn';
import { ScheduledJob } from './ScheduledJob';
import { checkDraft, scheduleJob } from './scheduleJob';

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  /** The subgraph's database: it holds `scheduled_jobs`, the jobs' own tables and the `outbox`. */
  orm: MikroORM;
  /** The jobs this replica can run; occurrences of other names are left to replicas that know them. */
  jobs: JobDefinition[];
  /** Where events emitted by jobs will be published (their outbox subject). */
  namespace: Namespace;
  /** The subgraph running the jobs: events come from `/subgraphs/<subgraph>`. */
  subgraph: string;
  /** This replica's lease owner id (default: host, pid and a random suffix). */
  owner?: string;
  /** Pause between looks for due occurrences (default 1 s). */
  pollIntervalMs?: number;
  /**
   * How long a claim holds before another replica may take the occurrence over (default 60 s).
   * A replica that died mid-run leaves its occurrence to others after this time. A run that
   * outlasts it is still not run twice: its transaction holds the row, and a replica taking
   * over waits for it, then finds the occurrence DONE.
   */
  leaseMs?: number;
  /** First retry delay after a failed attempt; it doubles per failure (default 5 s). */
  retryDelayMs?: number;
  /** Longest retry delay (default 15 min). */
  maxRetryDelayMs?: number;
  /** Occurrences claimed per look (default 50). */
  batchSize?: number;
  /** Validates emitted events (default: the shipped catalogue). */
  catalogue?: EventCatalogue;
  logger?: Logger;
  /** Called after a run committed events to the outbox, e.g. to wake the outbox relay. */
  onEventsRecorded?: () => void;
  /** The clock (default `new Date()`); tests move time with it. */
  now?: () => Date;
}

/** Runs a subgraph's jobs at their time, once each, across any number of replicas. */
export interface Scheduler {
  /** This replica's lease owner id. */
  readonly owner: string;
  /** Schedules what each job's `plan` returns, then runs due occurrences in the background until `stop`. */
  start(): Promise<void>;
  /** Ends the loop after the occurrence in progress. */
  stop(): Promise<void>;
  /**
   * Adds an occurrence unless one with its id exists (in any status: a DONE one is never
   * reset). Resolves to true when it was added. A due one is run at the next look, at once
   * when the loop is running.
   */
  schedule(draft: JobDraft): Promise<boolean>;
  /** Claims and runs every occurrence due now; resolves to how many it completed (DONE). */
  runDue(): Promise<number>;
  /** An occurrence as stored, or null. */
  get(id: string): Promise<ScheduledJob | null>;
}

/**
 * The scheduler: scheduled jobs take a lease so one replica runs each
 * (docs/architecture.md#two-ways-to-run).
 *
 * - An occurrence is claimed by a conditional UPDATE (due, and PENDING or RUNNING with an
 *   expired lease) that sets RUNNING, the lease and attempts + 1; one affected row means
 *   this replica holds it. It works the same on SQLite and PostgreSQL.
 * - The job runs in one transaction that first re-checks the lease (locking the row, on
 *   SQLite the database) and ends by marking the occurrence DONE, both conditional on this
 *   replica's lease. The job's writes, its events (outbox) and its follow-up occurrences
 *   commit with the DONE mark or not at all, so its effect happens once. A lease lost to
 *   another replica rolls everything back.
 * - A failed attempt returns the occurrence to PENDING with an exponential delay and the
 *   error; after the job's `maxAttempts` it is FAILED. DONE and FAILED are never run again.
 * - Every state is in the database, so a restart (or another replica) continues from it; a
 *   replica that died mid-run rolled back, and its occurrence is taken over after the lease.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { orm, subgraph } = options;
  const jobs = jobsByName(options.jobs, subgraph);
  const names = new Set(jobs.keys());
  const owner =
    options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const logger = options.logger ?? defaultLogger();
  const now = options.now ?? (() => new Date());
  const sqliteFile = isPostgres(orm) ? undefined : String(orm.config.get('dbName'));
  const exclusive = <T>(work: () => Promise<T>) => inSqliteTurn(sqliteFile, work);
  const runner = createJobRunner({
    ...options,
    jobs,
    owner,
    leaseMs: options.leaseMs ?? 60_000,
    retryDelayMs: options.retryDelayMs ?? 5000,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 15 * 60_000,
    catalogue: options.catalogue ?? loadCatalogue(),
    logger,
    now,
    exclusive,
  });
  const rounds = createRounds(runner, names, options.batchSize ?? 50, now);
  const nudge = createWakeup();
  let running = false;
  let loop: Promise<void> | undefined;

  async function schedulerLoop(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        await rounds.run(() => running);
        failures = 0;
      } catch (error) {
        failures += 1;
        logger.warn({ subgraph, err: error, failures }, 'scheduler round failed');
      }
      if (!running) break;
      await nudge.wait(
        failures > 0 ? backoffMs(failures, pollIntervalMs, MAX_LOOP_BACKOFF_MS) : pollIntervalMs,
      );
    }
  }

  return {
    owner,
    async start() {
      if (running) return;
      running = true;
      for (const definition of jobs.values()) await runner.plan(definition);
      if (!running) return; // stopped meanwhile
      loop = schedulerLoop();
    },
    async stop() {
      running = false;
      nudge.wake();
      await loop;
      await rounds.idle();
      loop = undefined;
    },
    async schedule(draft) {
      checkDraft(draft, names);
      const added = await exclusive(() => scheduleJob(runner.fork(), draft, now()));
      if (added && draft.runAt.getTime() <= now().getTime()) nudge.wake();
      return added;
    },
    runDue: () => rounds.run(() => true),
    get: (id) => runner.fork().findOne(ScheduledJob, { id }),
  };
}

/** The longest pause of the loop after rounds that failed (the database is unreachable). */
const MAX_LOOP_BACKOFF_MS = 30_000;

function jobsByName(definitions: JobDefinition[], subgraph: string): Map<string, JobDefinition> {
  const byName = new Map<string, JobDefinition>();
  for (const job of definitions) {
    if (byName.has(job.name)) {
      throw new MessagingConfigError(`Subgraph ${subgraph} defines job "${job.name}" twice.`);
    }
    byName.set(job.name, job);
  }
  return byName;
}

/**
 * Rounds of looking for due occurrences and running them. Rounds of one scheduler never
 * overlap, whether started by the loop or by `runDue()`.
 */
function createRounds(runner: JobRunner, names: Set<string>, batchSize: number, now: () => Date) {
  let lastRound: Promise<unknown> = Promise.resolve();

  async function dueIds(): Promise<string[]> {
    const rows = await runner
      .fork()
      .find(
        ScheduledJob,
        { job: { $in: [...names] }, ...runner.claimable(now()) },
        { orderBy: { runAt: 'asc', id: 'asc' }, limit: batchSize, fields: ['id'] },
      );
    return rows.map((row) => row.id);
  }

  /** Runs due occurrences until none is left that this replica can claim. */
  async function runRounds(keepGoing: () => boolean): Promise<number> {
    let done = 0;
    while (keepGoing()) {
      let claimed = 0;
      for (const id of await dueIds()) {
        if (!keepGoing()) break;
        const outcome = await runner.runOne(id);
        if (outcome !== 'skipped') claimed += 1;
        if (outcome === 'done') done += 1;
      }
      // Nothing left, or everything left belongs to other replicas now.
      if (claimed === 0) break;
    }
    return done;
  }

  return {
    run(keepGoing: () => boolean): Promise<number> {
      const result = lastRound.then(() => runRounds(keepGoing));
      lastRound = result.catch(() => undefined);
      return result;
    },
    idle: () => lastRound,
  };
}
