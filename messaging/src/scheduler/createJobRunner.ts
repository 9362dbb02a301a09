import { raw, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import type { EventCatalogue } from '../catalogue';
import { createEvent } from '../envelope';
import { errorMessage, JobLeaseLostError } from '../errors';
import type { Logger } from '../logger';
import { recordEvent } from '../outbox';
import type { EventMeta, JobDefinition, JobDraft, Namespace } from '../types';
import { backoffMs } from '../wakeup';
import { ScheduledJob } from './ScheduledJob';
import { checkDraft, scheduleJob } from './scheduleJob';

/** Options of {@link createJobRunner}: the scheduler's, resolved. */
export interface JobRunnerOptions {
  orm: MikroORM;
  jobs: ReadonlyMap<string, JobDefinition>;
  namespace: Namespace;
  subgraph: string;
  owner: string;
  leaseMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  catalogue: EventCatalogue;
  logger: Logger;
  now: () => Date;
  /** Runs database work in this process's turn on a SQLite file. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  onEventsRecorded?: () => void;
}

/** What one try at an occurrence came to. */
export type RunOutcome = 'done' | 'retry' | 'failed' | 'skipped';

/** Claims and runs single occurrences, and plans a job's next ones. */
export interface JobRunner {
  /** Claims, runs and settles one occurrence; `skipped` when another replica holds it. */
  runOne(id: string): Promise<RunOutcome>;
  /** Schedules what the job's `plan` returns; a failing plan is logged, never thrown. */
  plan(definition: JobDefinition): Promise<void>;
  /** A new entity manager without the global subscribers. */
  fork(): EntityManager;
  /** The filter of occurrences this replica may claim at `at`. */
  claimable(at: Date): object;
}

const DEFAULT_MAX_ATTEMPTS = 5;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { orm, jobs, owner, leaseMs, logger, now, exclusive, subgraph } = options;
  const names = new Set(jobs.keys());
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
    const meta: EventMeta = {
      source: `/subgraphs/${subgraph}`,
      correlationId,
      actor: 'system:scheduler',
    };
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
          recordEvent(em, createEvent(draft, meta), options.namespace, options.catalogue);
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

  /** Gives a failed attempt back with an exponential delay, or marks it FAILED after the last. */
  async function settleFailure(
    row: ScheduledJob,
    definition: JobDefinition,
    error: unknown,
  ): Promise<RunOutcome> {
    const at = now();
    const lastError = errorMessage(error).slice(0, 4000);
    const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const context = { subgraph, job: row.job, jobId: row.id, attempts: row.attempts };
    if (row.attempts >= maxAttempts) {
      const marked = await fork().nativeUpdate(ScheduledJob, held(row.id), {
        status: 'FAILED',
        leaseUntil: null,
        lastError,
        finishedAt: at,
      });
      if (marked === 1) {
        logger.error({ ...context, err: lastError }, 'job failed for the last time; marked FAILED');
      }
      return marked === 1 ? 'failed' : 'skipped';
    }
    const delayMs = backoffMs(row.attempts, options.retryDelayMs, options.maxRetryDelayMs);
    const marked = await fork().nativeUpdate(ScheduledJob, held(row.id), {
      status: 'PENDING',
      runAt: later(at, delayMs),
      leaseOwner: null,
      leaseUntil: null,
      lastError,
    });
    if (marked === 1)
      logger.warn({ ...context, err: lastError, delayMs }, 'job failed; will retry');
    return marked === 1 ? 'retry' : 'skipped';
  }

  async function runOne(id: string): Promise<RunOutcome> {
    let emitted = 0;
    let definition: JobDefinition | undefined;
    const outcome = await exclusive(async (): Promise<RunOutcome> => {
      const row = await claim(id);
      if (!row) return 'skipped';
      definition = jobs.get(row.job);
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

  return { runOne, plan, fork, claimable };
}
