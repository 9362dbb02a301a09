import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { MessagingConfigError } from '../errors';
import type { JobDraft } from '../types';
import { ScheduledJob } from './ScheduledJob';

const MAX_ID_LENGTH = 200;

/** Refuses an occurrence with a bad id or time, or (given the known names) an unknown job. */
export function checkDraft(draft: JobDraft, known?: ReadonlySet<string>): void {
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
