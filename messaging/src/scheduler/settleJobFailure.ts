import { errorMessage } from '../errors';
import type { JobDefinition } from '../types';
import { backoffMs } from '../wakeup';
import type { JobRunnerContext, RunOutcome } from './createJobRunner';
import { held, later } from './jobLease';
import { ScheduledJob } from './ScheduledJob';

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Gives a failed attempt back with an exponential delay, or marks it FAILED after the last;
 * `skipped` when the lease was lost meanwhile.
 */
export async function settleJobFailure(
  context: JobRunnerContext,
  row: ScheduledJob,
  definition: JobDefinition,
  error: unknown,
): Promise<RunOutcome> {
  const { logger, owner } = context;
  const at = context.now();
  const lastError = errorMessage(error).slice(0, 4000);
  const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const log = { subgraph: context.subgraph, job: row.job, jobId: row.id, attempts: row.attempts };
  if (row.attempts >= maxAttempts) {
    const marked = await context.fork().nativeUpdate(ScheduledJob, held(row.id, owner), {
      status: 'FAILED',
      leaseUntil: null,
      lastError,
      finishedAt: at,
    });
    if (marked === 1) {
      logger.error({ ...log, err: lastError }, 'job failed for the last time; marked FAILED');
    }
    return marked === 1 ? 'failed' : 'skipped';
  }
  const delayMs = backoffMs(row.attempts, context.retryDelayMs, context.maxRetryDelayMs);
  const marked = await context.fork().nativeUpdate(ScheduledJob, held(row.id, owner), {
    status: 'PENDING',
    runAt: later(at, delayMs),
    leaseOwner: null,
    leaseUntil: null,
    lastError,
  });
  if (marked === 1) logger.warn({ ...log, err: lastError, delayMs }, 'job failed; will retry');
  return marked === 1 ? 'retry' : 'skipped';
}
