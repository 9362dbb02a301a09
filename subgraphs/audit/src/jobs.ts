import type { EntityManager } from '@mikro-orm/knex';
import type { CataloguedJob } from '../../../messaging';
import { dailyRuns } from '../../../runtime';
import { expiryCutoff, type Retention } from './retention';

export const PURGE_JOB = 'audit.purgeExpired';

/** When the purge of `date` runs: 02:00 UTC, a quiet hour. */
const purgeRunAt = (date: string) => new Date(`${date}T02:00:00.000Z`);

/**
 * The daily retention purge, id `audit.purgeExpired:<date>`: deletes what is older than
 * the RETENTION policy in force at the run (RETENTION_DAYS until HR changes it). `plan`
 * names today's run (at once when 02:00 has passed) and tomorrow's.
 */
export function createPurgeJob(retention: Retention): CataloguedJob {
  return {
    name: PURGE_JOB,
    plan: (now) => dailyRuns(PURGE_JOB, now.toISOString().slice(0, 10), purgeRunAt),
    async run(ctx) {
      const em = ctx.em as EntityManager;
      const days = await retention.daysAt(em, ctx.runAt);
      await retention.purge(em, {
        before: expiryCutoff(ctx.runAt, days),
        retentionDays: days,
        now: ctx.runAt,
        emit: (_tx, draft) => ctx.emit(draft),
      });
    },
  };
}
