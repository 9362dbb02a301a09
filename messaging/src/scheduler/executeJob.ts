import { v7 as uuidv7 } from 'uuid';
import { createEvent, sourceFor } from '../envelope';
import { JobLeaseLostError } from '../errors';
import { recordEvent } from '../outbox';
import type { EventMeta, JobDefinition, JobDraft } from '../types';
import type { JobRunnerContext } from './createJobRunner';
import { held, later } from './jobLease';
import { ScheduledJob } from './ScheduledJob';
import { checkDraft, scheduleJob } from './scheduleJob';

/**
 * Runs a claimed occurrence in one transaction with its DONE mark; the number of events it
 * emitted. Throws JobLeaseLostError, rolling everything back, when the lease is no longer ours.
 */
export async function executeJob(
  context: JobRunnerContext,
  row: ScheduledJob,
  definition: JobDefinition,
): Promise<number> {
  const { owner, leaseMs, now } = context;
  const correlationId = uuidv7();
  const meta: EventMeta = {
    source: sourceFor(context.subgraph),
    correlationId,
    actor: 'system:scheduler',
  };
  let emitted = 0;
  await context.fork().transactional(async (em) => {
    // Locks the row (SQLite: takes the write lock) for the run and proves the lease is
    // still ours, so no other replica runs it meanwhile.
    const locked = await em.nativeUpdate(ScheduledJob, held(row.id, owner), {
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
        recordEvent(em, createEvent(draft, meta), context.namespace, context.catalogue);
        emitted += 1;
      },
      schedule(draft) {
        checkDraft(draft, context.names);
        followUps.push(draft);
      },
    });
    for (const draft of followUps) await scheduleJob(em, draft, now());
    await em.flush();
    const done = await em.nativeUpdate(ScheduledJob, held(row.id, owner), {
      status: 'DONE',
      leaseUntil: null,
      lastError: null,
      finishedAt: now(),
    });
    if (done !== 1) throw new JobLeaseLostError(row.id);
  });
  return emitted;
}
