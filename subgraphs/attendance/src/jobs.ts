import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedDraft, CataloguedJob, JobDraft } from '../../../messaging';
import { addDays, isIsoDate, localDate } from '../../../runtime';
import { EmployeeCopySchema } from './entities';
import type { AttendancePolicies } from './attendancePolicies';
import { processDay, type ProcessResult, type ProcessRun } from './processDay';

export const PROCESS_DAY_JOB = 'attendance.processDay';
/** Minutes after each full UTC hour the job runs, so a check-out just before midnight lands first. */
export const RUN_AFTER_HOUR_MINUTES = 5;
/** Local days looked back on each run: yesterday, and the day before to cover an outage. */
export const LOOKBACK_DAYS = 2;

const HOUR = 3_600_000;

/** The occurrence id of the run in the UTC hour that starts at `hour`, e.g. `attendance.processDay:2026-11-21T01`. */
export const occurrenceId = (hour: Date) => `${PROCESS_DAY_JOB}:${hour.toISOString().slice(0, 13)}`;

/**
 * The next run after `now`: one every hour, at five past, because a local day ends at a
 * different UTC hour in every zone (and at the half hour in some). Each run processes the
 * local days that have most recently ended for each employee, so everyone's day is
 * processed within an hour of its end.
 */
export function planProcessDay(now: Date): JobDraft[] {
  const offset = RUN_AFTER_HOUR_MINUTES * 60_000;
  const hour = new Date(Math.floor((now.getTime() - offset) / HOUR) * HOUR + HOUR);
  return [
    { id: occurrenceId(hour), job: PROCESS_DAY_JOB, runAt: new Date(hour.getTime() + offset) },
  ];
}

/**
 * Processes, for every zone of an employee, the local days that ended before `at`: the most
 * recent one and the one before. `date` in the payload processes that one date instead.
 */
export async function runProcessDay(
  em: EntityManager,
  at: Date,
  run: ProcessRun,
  payload: Record<string, unknown> = {},
): Promise<ProcessResult[]> {
  if (payload.date !== undefined) {
    if (typeof payload.date !== 'string' || !isIsoDate(payload.date))
      throw new Error(`${PROCESS_DAY_JOB}: payload.date must be an ISO date.`);
    return [await processDay(em, { ...run, date: payload.date, now: at })];
  }
  const employees = await em.find(EmployeeCopySchema, {}, { fields: ['id', 'timeZone'] });
  const byDate = new Map<string, string[]>();
  for (const employee of employees) {
    const today = localDate(at, employee.timeZone);
    for (let back = LOOKBACK_DAYS; back >= 1; back--) {
      const date = addDays(today, -back);
      // Pushed, not copied: a copy per employee is quadratic in the workforce.
      const ids = byDate.get(date);
      if (ids) ids.push(employee.id);
      else byDate.set(date, [employee.id]);
    }
  }
  const results: ProcessResult[] = [];
  for (const date of [...byDate.keys()].sort())
    results.push(await processDay(em, { ...run, date, employeeIds: byDate.get(date), now: at }));
  return results;
}

/** The overnight processing, run by the scheduler (one replica, idempotent occurrence ids). */
export const createProcessDayJob = (policies: AttendancePolicies): CataloguedJob => ({
  name: PROCESS_DAY_JOB,
  maxAttempts: 5,
  plan: planProcessDay,
  async run(ctx) {
    const emit = (draft: CataloguedDraft) => ctx.emit(draft);
    // The run's time, not the clock's: a late run processes what its hour was due to.
    await runProcessDay(
      ctx.em,
      ctx.runAt,
      { emit, correlationId: ctx.jobId, policies },
      ctx.payload,
    );
  },
});
