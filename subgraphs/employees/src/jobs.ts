import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { type CataloguedDraft, type CataloguedJob, ScheduledJob } from '../../../messaging';
import { isPostgres, localDate } from '../../../runtime';
import { EmployeeSchema, type Employee } from './entities';
import { endEmployment, lastDayPassed } from './termination';

export const END_EMPLOYMENT_JOB = 'employees.endEmployment';

/**
 * How often the job looks: every quarter hour, since every zone's midnight falls on one. A
 * daily run at one UTC hour would leave people west or east of it employed (signing in,
 * recording time) for most of a day after their last day.
 */
export const END_EMPLOYMENT_INTERVAL_MS = 15 * 60_000;

const DAY_MS = 24 * 3600_000;

/**
 * The people not yet terminated whose last day has passed at `at` on their own calendar,
 * locked for the transaction on PostgreSQL (SQLite has a single writer already), so a
 * withdrawal or a move of the day at the same moment waits and then finds the row changed.
 */
export async function dueTerminations(em: EntityManager, at: Date): Promise<Employee[]> {
  // No zone's day is more than one ahead of UTC's: a last day passed anywhere is on or
  // before UTC's today.
  const candidates = await em.find(
    EmployeeSchema,
    { status: { $ne: 'TERMINATED' }, terminationDate: { $ne: null, $lte: localDate(at, 'UTC') } },
    { orderBy: { id: 'asc' }, ...(isPostgres(em) && { lockMode: LockMode.PESSIMISTIC_WRITE }) },
  );
  return candidates.filter((e) => lastDayPassed(e, e.terminationDate!, at));
}

/**
 * Ends the employment of everyone whose last day has passed at `at`, as an immediate
 * termination does: TERMINATED, and `employees.employee.terminated` with the new version.
 * Those it ended are TERMINATED, so a repeated run, or one on another replica after it,
 * finds nobody; the rows are locked while read and written with their version checked, so a
 * change at the same moment (a withdrawal) is either seen or refused, never overwritten.
 */
export async function endDueEmployments(
  em: EntityManager,
  at: Date,
  emit: (draft: CataloguedDraft) => void,
): Promise<number> {
  const due = await dueTerminations(em, at);
  const events = due.map((employee) => {
    const event = endEmployment(employee, employee.terminationDate!);
    employee.updatedAt = at;
    return () => emit(event(employee));
  });
  // The flush bumps the versions; the events carry the new ones.
  await em.flush();
  events.forEach((record) => record());
  return due.length;
}

/**
 * The end-of-employment job: one occurrence per quarter hour (`employees.endEmployment:<slot>`),
 * the next planned after each completed run. It judges by `now`, the clock the service
 * uses too, so a late run ends whoever is due by then. A failed run is retried for ever,
 * so the work resumes once the database is back.
 */
export function createEndEmploymentJob(now: () => Date): CataloguedJob {
  return {
    name: END_EMPLOYMENT_JOB,
    maxAttempts: Number.MAX_SAFE_INTEGER,
    plan(at) {
      const slot = Math.floor(at.getTime() / END_EMPLOYMENT_INTERVAL_MS) + 1;
      const runAt = new Date(slot * END_EMPLOYMENT_INTERVAL_MS);
      return [{ id: `${END_EMPLOYMENT_JOB}:${slot}`, job: END_EMPLOYMENT_JOB, runAt }];
    },
    async run(ctx) {
      const at = now();
      const em = ctx.em as EntityManager;
      await endDueEmployments(em, at, ctx.emit);
      // Ninety-six occurrences a day: forget the finished ones after a day.
      await em.nativeDelete(ScheduledJob, {
        job: END_EMPLOYMENT_JOB,
        status: { $in: ['DONE', 'FAILED'] },
        finishedAt: { $lt: new Date(at.getTime() - DAY_MS) },
      });
    },
  };
}
