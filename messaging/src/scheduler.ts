import crypto from 'node:crypto';
import os from 'node:os';
import { EntitySchema, raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { isPostgres } from '../../runtime/src/database';
import { loadCatalogue, type EventCatalogue } from './catalogue';
import { createEvent } from './envelope';
import { errorMessage, JobLeaseLostError, MessagingConfigError } from './errors';
import { defaultLogger, type Logger } from './logger';
import { recordEvent } from './outbox';
import type { EventMeta, JobDefinition, JobDraft, Namespace } from './types';
import { backoffMs, createWakeup } from './wakeup';

/** Where an occurrence is: waiting, claimed by a replica, finished, or given up on. */
export type ScheduledJobStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

/** One occurrence of a job; its id makes it unique for ever (a DONE one is never run again). */
export interface ScheduledJob {
  /** The {@link JobDraft} id, e.g. `billing.dailyClose:2026-11-21`. */
  id: string;
  /** The {@link JobDefinition} name that runs it. */
  job: string;
  /** Due from this time on; after a failure, the time of the next attempt. */
  runAt: Date;
  payload: Record<string, unknown>;
  status: ScheduledJobStatus;
  /** Claims so far, including the one running now. */
  attempts: number;
  /** The replica that holds (or last held) the lease. */
  leaseOwner: string | null;
  /** A RUNNING occurrence whose lease ended before this time may be taken over. */
  leaseUntil: Date | null;
  /** The error of the last failed attempt. */
  lastError: string | null;
  createdAt: Date;
  /** When it became DONE or FAILED. */
  finishedAt: Date | null;
}

/** The `scheduled_jobs` table; the subgraph runtime adds it to every subgraph. */
export const ScheduledJob = new EntitySchema<ScheduledJob>({
  name: 'ScheduledJob',
  tableName: 'scheduled_jobs',
  properties: {
    id: { type: 'string', length: 200, primary: true },
    job: { type: 'string', length: 200 },
    runAt: { type: 'datetime' },
    payload: { type: 'json' },
    status: { type: 'string', length: 16 },
    attempts: { type: 'integer', default: 0 },
    leaseOwner: { type: 'string', length: 200, nullable: true },
    leaseUntil: { type: 'datetime', nullable: true },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    finishedAt: { type: 'datetime', nullable: true },
  },
  // Replicas look for due occurrences by status and time.
  indexes: [{ properties: ['status', 'runAt'] }],
});

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

const MAX_ID_LENGTH = 200;
const DEFAULT_MAX_ATTEMPTS = 5;
/** The longest pause of the loop after rounds that failed (the database is unreachable). */
const MAX_LOOP_BACKOFF_MS = 30_000;

function checkDraft(draft: JobDraft, known?: ReadonlySet<string>): void {
  if (typeof draft.id !== 'string' || draft.id === '' || draft.id.length > MAX_ID_LENGTH) {
    throw new MessagingConfigError(
      `A job occurrence id must be 1-${MAX_ID_LENGTH} characters (got "${String(draft.id)}").`,
    );
  }
  if (!(draft.runAt instanceof Date) || Number.isNaN(draft.runAt.getTime())) {
    throw new MessagingConfigError(`Job occurrence ${draft.id} has no valid runAt.`);
  }
  if (known && !known.has(draft.job)) {
    throw new MessagingConfigError(
      `Job occurrence ${draft.id} names an unknown job "${draft.job}".`,
    );
  }
}

/**
 * Adds an occurrence inside `em`'s transaction unless its id exists (insert-if-absent, so a
 * DONE one is never reset). Resolves to true when it was added. For code that schedules a job
 * in the same transaction as a change, e.g. a mutation; the scheduler picks it up when due.
 */
export async function scheduleJob(
  em: EntityManager,
  draft: JobDraft,
  now: Date = new Date(),
): Promise<boolean> {
  checkDraft(draft);
  const result = await (em as SqlEntityManager)
    .createQueryBuilder(ScheduledJob)
    .insert({
      id: draft.id,
      job: draft.job,
      runAt: draft.runAt,
      payload: draft.payload ?? {},
      status: 'PENDING',
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      finishedAt: null,
    })
    .onConflict(['id'])
    .ignore()
    .execute('run');
  return result.affectedRows > 0;
}

/**
 * Writers of schedulers in this process, per SQLite file. better-sqlite3 waits for a lock
 * synchronously, blocking the event loop, so one connection waiting for another in the same
 * process (two ORMs on one file) could never see it commit: they take turns here instead.
 * Processes wait for each other with SQLite's busy timeout as usual.
 */
const sqliteTurns = new Map<string, Promise<void>>();

function inSqliteTurn<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (file === undefined) return work();
  const result = (sqliteTurns.get(file) ?? Promise.resolve()).then(work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  sqliteTurns.set(file, settled);
  void settled.then(() => {
    if (sqliteTurns.get(file) === settled) sqliteTurns.delete(file);
  });
  return result;
}

type Outcome = 'done' | 'retry' | 'failed' | 'skipped';

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
  const { orm, namespace, subgraph } = options;
  const byName = new Map<string, JobDefinition>();
  for (const job of options.jobs) {
    if (byName.has(job.name)) {
      throw new MessagingConfigError(`Subgraph ${subgraph} defines job "${job.name}" twice.`);
    }
    byName.set(job.name, job);
  }
  const names = new Set(byName.keys());
  const owner =
    options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const retryDelayMs = options.retryDelayMs ?? 5000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 15 * 60_000;
  const batchSize = options.batchSize ?? 50;
  const catalogue = options.catalogue ?? loadCatalogue();
  const logger = options.logger ?? defaultLogger();
  const now = options.now ?? (() => new Date());
  const source = `/subgraphs/${subgraph}`;
  const sqliteFile = isPostgres(orm) ? undefined : String(orm.config.get('dbName'));
  const exclusive = <T>(work: () => Promise<T>) => inSqliteTurn(sqliteFile, work);
  const nudge = createWakeup();
  let running = false;
  let loop: Promise<void> | undefined;
  // Rounds of one scheduler never overlap, whether started by the loop or by runDue().
  let lastRound: Promise<unknown> = Promise.resolve();

  // Without the global subscribers: the caller hears of events through onEventsRecorded.
  const fork = () => orm.em.fork({ freshEventManager: true });
  const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
  /** The occurrence, as long as this replica holds its lease. */
  const held = (id: string) => ({ id, leaseOwner: owner, status: 'RUNNING' as const });
  const claimable = (at: Date) => ({
    runAt: { $lte: at },
    $or: [{ status: 'PENDING' as const }, { status: 'RUNNING' as const, leaseUntil: { $lt: at } }],
  });

  async function plan(definition: JobDefinition): Promise<void> {
    if (!definition.plan) return;
    try {
      const at = now();
      for (const draft of definition.plan(at)) {
        checkDraft(draft, names);
        await exclusive(() => scheduleJob(fork(), draft, at));
      }
    } catch (error) {
      logger.error({ subgraph, job: definition.name, err: errorMessage(error) }, 'job plan failed');
    }
  }

  async function claim(id: string): Promise<ScheduledJob | null> {
    const at = now();
    const claimed = await fork().nativeUpdate(
      ScheduledJob,
      { id, ...claimable(at) },
      {
        status: 'RUNNING',
        leaseOwner: owner,
        leaseUntil: later(at, leaseMs),
        attempts: raw('attempts + 1'),
      },
    );
    if (claimed !== 1) return null;
    return fork().findOne(ScheduledJob, { id });
  }

  /** Runs a claimed occurrence in one transaction with its DONE mark; the number of events it emitted. */
  async function execute(row: ScheduledJob, definition: JobDefinition): Promise<number> {
    const correlationId = uuidv7();
    const meta: EventMeta = { source, correlationId, actor: 'system:scheduler' };
    let emitted = 0;
    await fork().transactional(async (em) => {
      // Locks the row (SQLite: takes the write lock) for the run and proves the lease is
      // still ours, so no other replica runs it meanwhile.
      const locked = await em.nativeUpdate(ScheduledJob, held(row.id), {
        leaseUntil: later(now(), leaseMs),
      });
      if (locked !== 1) throw new JobLeaseLostError(row.id);
      const followUps: JobDraft[] = [];
      await definition.run({
        jobId: row.id,
        runAt: row.runAt,
        payload: row.payload ?? {},
        em,
        correlationId,
        attempt: row.attempts,
        emit(draft) {
          recordEvent(em, createEvent(draft, meta), namespace, catalogue);
          emitted += 1;
        },
        schedule(draft) {
          checkDraft(draft, names);
          followUps.push(draft);
        },
      });
      for (const draft of followUps) await scheduleJob(em, draft, now());
      await em.flush();
      const done = await em.nativeUpdate(ScheduledJob, held(row.id), {
        status: 'DONE',
        leaseUntil: null,
        lastError: null,
        finishedAt: now(),
      });
      if (done !== 1) throw new JobLeaseLostError(row.id);
    });
    return emitted;
  }

  async function settleFailure(
    row: ScheduledJob,
    definition: JobDefinition,
    error: unknown,
  ): Promise<Outcome> {
    const at = now();
    const lastError = errorMessage(error).slice(0, 4000);
    const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const context = {
      subgraph,
      job: row.job,
      jobId: row.id,
      attempts: row.attempts,
      err: lastError,
    };
    if (row.attempts >= maxAttempts) {
      const marked = await fork().nativeUpdate(ScheduledJob, held(row.id), {
        status: 'FAILED',
        leaseUntil: null,
        lastError,
        finishedAt: at,
      });
      if (marked === 1) logger.error(context, 'job failed for the last time; marked FAILED');
      return marked === 1 ? 'failed' : 'skipped';
    }
    const delayMs = backoffMs(row.attempts, retryDelayMs, maxRetryDelayMs);
    const marked = await fork().nativeUpdate(ScheduledJob, held(row.id), {
      status: 'PENDING',
      runAt: later(at, delayMs),
      leaseOwner: null,
      leaseUntil: null,
      lastError,
    });
    if (marked === 1) logger.warn({ ...context, delayMs }, 'job failed; will retry');
    return marked === 1 ? 'retry' : 'skipped';
  }

  /** Claims, runs and settles one occurrence. */
  async function runOne(id: string): Promise<Outcome> {
    let emitted = 0;
    let definition: JobDefinition | undefined;
    const outcome = await exclusive(async (): Promise<Outcome> => {
      const row = await claim(id);
      if (!row) return 'skipped';
      definition = byName.get(row.job);
      if (!definition) return 'skipped'; // not claimable: candidates are of known jobs only
      try {
        emitted = await execute(row, definition);
      } catch (error) {
        if (error instanceof JobLeaseLostError) {
          logger.info({ subgraph, jobId: id }, 'job lease lost; another replica runs it');
          return 'skipped';
        }
        return settleFailure(row, definition, error);
      }
      logger.info({ subgraph, job: row.job, jobId: id, attempt: row.attempts }, 'job done');
      return 'done';
    });
    if (emitted > 0) options.onEventsRecorded?.();
    if (outcome === 'done' && definition) await plan(definition);
    return outcome;
  }

  async function dueIds(): Promise<string[]> {
    const at = now();
    const rows = await fork().find(
      ScheduledJob,
      { job: { $in: [...names] }, ...claimable(at) },
      { orderBy: { runAt: 'asc', id: 'asc' }, limit: batchSize, fields: ['id'] },
    );
    return rows.map((row) => row.id);
  }

  /** Runs due occurrences until none is left that this replica can claim. */
  async function runRounds(keepGoing: () => boolean): Promise<number> {
    let done = 0;
    while (keepGoing()) {
      const ids = await dueIds();
      let claimed = 0;
      for (const id of ids) {
        if (!keepGoing()) break;
        const outcome = await runOne(id);
        if (outcome !== 'skipped') claimed += 1;
        if (outcome === 'done') done += 1;
      }
      // Nothing left, or everything left belongs to other replicas now.
      if (claimed === 0) break;
    }
    return done;
  }

  function round(keepGoing: () => boolean): Promise<number> {
    const result = lastRound.then(() => runRounds(keepGoing));
    lastRound = result.catch(() => undefined);
    return result;
  }

  async function schedulerLoop(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        await round(() => running);
        failures = 0;
      } catch (error) {
        failures += 1;
        logger.warn({ subgraph, err: errorMessage(error), failures }, 'scheduler round failed');
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
      for (const definition of byName.values()) await plan(definition);
      if (!running) return; // stopped meanwhile
      loop = schedulerLoop();
    },
    async stop() {
      running = false;
      nudge.wake();
      await loop;
      await lastRound;
      loop = undefined;
    },
    async schedule(draft) {
      checkDraft(draft, names);
      const added = await exclusive(() => scheduleJob(fork(), draft, now()));
      if (added && draft.runAt.getTime() <= now().getTime()) nudge.wake();
      return added;
    },
    runDue: () => round(() => true),
    get: (id) => fork().findOne(ScheduledJob, { id }),
  };
}
