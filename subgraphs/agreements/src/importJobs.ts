import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import type { Logger } from '../../../runtime';
import { ImportJobSchema, type ImportJob } from './entities';
import type { LearnEmployeeNumbers } from './employeeNumberLearner';
import { importAgreements, type SourceRecord } from './importer';
import type { WriteContext } from './writes';

/** Rows per batch of a job: each batch commits, then the job records its progress. */
export const JOB_BATCH_SIZE = 100;

/** A RUNNING job whose progress has not moved for this long lost the process running it. */
export const STALE_AFTER_MS = 120_000;

/** Finished jobs are kept this long, then removed when a new one starts. */
const KEEP_FINISHED_MS = 30 * 86_400_000;

export const INTERRUPTED =
  'The import stopped before it finished (the process running it went away). Rows settled ' +
  'before that stay in; importing the file again is safe, as rows already in change nothing.';

const FAULT =
  'The import stopped on a fault of the platform. Rows settled before that stay in; ' +
  'importing the file again is safe, as rows already in change nothing.';

export interface JobStart extends WriteContext {
  em: EntityManager;
  logger: Logger;
  records: AsyncIterable<SourceRecord>;
  rowsTotal: number;
  dryRun: boolean;
  startedBy: string;
  learnEmployees?: LearnEmployeeNumbers;
}

/** Moves a job on: its fields, and the time that shows it is alive. */
async function update(em: EntityManager, id: string, changes: Partial<ImportJob>): Promise<void> {
  const fork = em.fork();
  const job = await fork.findOneOrFail(ImportJobSchema, id);
  Object.assign(job, changes, { updatedAt: new Date() });
  await fork.flush();
}

/**
 * Records a RUNNING job and runs the import after answering: each batch commits, then the
 * job's `rowsDone` moves, so what a reader sees is what is settled.
 */
export async function startImportJob(start: JobStart): Promise<ImportJob> {
  const now = new Date();
  const fork = start.em.fork();
  await fork.nativeDelete(ImportJobSchema, {
    finishedAt: { $lt: new Date(now.getTime() - KEEP_FINISHED_MS) },
  });
  const job = fork.create(ImportJobSchema, {
    id: uuidv7(),
    status: 'RUNNING',
    dryRun: start.dryRun,
    rowsTotal: start.rowsTotal,
    rowsDone: 0,
    report: null,
    failure: null,
    startedBy: start.startedBy,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  });
  await fork.persist(job).flush();
  void runJob(start, job.id);
  return { ...job };
}

async function runJob(start: JobStart, id: string): Promise<void> {
  const { em, logger } = start;
  try {
    const report = await importAgreements(start.records, {
      em,
      emit: start.emit,
      correlationId: start.correlationId,
      dryRun: start.dryRun,
      batchSize: JOB_BATCH_SIZE,
      learnEmployees: start.learnEmployees,
      onProgress: (rowsDone) => update(em, id, { rowsDone }),
    });
    await update(em, id, { status: 'DONE', report, finishedAt: new Date() });
  } catch (error) {
    logger.error({ err: error, importId: id }, 'agreements import failed');
    await update(em, id, { status: 'FAILED', failure: FAULT, finishedAt: new Date() }).catch(
      (cause: unknown) =>
        logger.error({ err: cause, importId: id }, 'could not record the failed import'),
    );
  }
}

/** A job as stored, a RUNNING one that stopped moving shown as FAILED. */
export async function readImportJob(
  em: EntityManager,
  id: string,
  now = new Date(),
): Promise<ImportJob | null> {
  const job = await em.fork().findOne(ImportJobSchema, { id });
  if (!job) return null;
  if (job.status !== 'RUNNING' || now.getTime() - job.updatedAt.getTime() <= STALE_AFTER_MS)
    return job;
  return { ...job, status: 'FAILED', failure: INTERRUPTED, finishedAt: job.updatedAt };
}
