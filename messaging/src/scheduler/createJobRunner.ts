import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { EventCatalogue } from '../catalogue';
import { JobLeaseLostError } from '../errors';
import type { Logger } from '../logger';
import type { JobDefinition, Namespace } from '../types';
import { executeJob } from './executeJob';
import { claimable, claimJob } from './jobLease';
import { planJob } from './planJob';
import { settleJobFailure } from './settleJobFailure';

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

/** What the parts of one runner share: its options, the known job names and a fork. */
export interface JobRunnerContext extends JobRunnerOptions {
  names: ReadonlySet<string>;
  /** A new entity manager without the global subscribers. */
  fork(): EntityManager;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const context: JobRunnerContext = {
    ...options,
    names: new Set(options.jobs.keys()),
    // Without the global subscribers: the caller hears of events through onEventsRecorded.
    fork: () => options.orm.em.fork({ freshEventManager: true }),
  };
  return {
    runOne: (id) => runOne(context, id),
    plan: (definition) => planJob(context, definition),
    fork: context.fork,
    claimable,
  };
}

/** Claims, runs and settles one occurrence; plans the job's next ones after a run that is done. */
async function runOne(context: JobRunnerContext, id: string): Promise<RunOutcome> {
  const { jobs, logger, subgraph } = context;
  let emitted = 0;
  let definition: JobDefinition | undefined;
  const outcome = await context.exclusive(async (): Promise<RunOutcome> => {
    const row = await claimJob(context, id);
    if (!row) return 'skipped';
    definition = jobs.get(row.job);
    if (!definition) return 'skipped'; // not claimable: candidates are of known jobs only
    try {
      emitted = await executeJob(context, row, definition);
    } catch (error) {
      if (error instanceof JobLeaseLostError) {
        logger.info({ subgraph, jobId: id }, 'job lease lost; another replica runs it');
        return 'skipped';
      }
      return settleJobFailure(context, row, definition, error);
    }
    logger.info({ subgraph, job: row.job, jobId: id, attempt: row.attempts }, 'job done');
    return 'done';
  });
  if (emitted > 0) context.onEventsRecorded?.();
  if (outcome === 'done' && definition) await planJob(context, definition);
  return outcome;
}
