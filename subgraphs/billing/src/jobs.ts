import type { EntityManager } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import type { CataloguedJob } from '../../../messaging';
import { closeDay, LEDGER_ZONE, ledgerToday } from './closeDay';

export const CLOSE_JOB = 'billing.closeDay';

/** The day before `date`. */
const dayBefore = (date: string) =>
  DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;

/** When the close of `date` runs: 00:30 on the next day, ledger time. */
export const closeRunAt = (date: string): Date =>
  DateTime.fromISO(date, { zone: LEDGER_ZONE })
    .plus({ days: 1 })
    .set({ hour: 0, minute: 30 })
    .toJSDate();

/**
 * The daily close: one occurrence per ledger day, id `billing.closeDay:<date>`, at 00:30 of
 * the next day (Europe/London). `plan` names yesterday's (runs at once if missed) and
 * today's; already scheduled ids are ignored, and a day already closed is not closed again.
 */
export const closeDayJob: CataloguedJob = {
  name: CLOSE_JOB,
  maxAttempts: 10,
  plan(now) {
    const today = ledgerToday(now);
    return [dayBefore(today), today].map((date) => ({
      id: `${CLOSE_JOB}:${date}`,
      job: CLOSE_JOB,
      runAt: closeRunAt(date),
      payload: { date },
    }));
  },
  async run(ctx) {
    const date =
      typeof ctx.payload.date === 'string' ? ctx.payload.date : dayBefore(ledgerToday(ctx.runAt));
    await closeDay(ctx.em as EntityManager, date, { emit: ctx.emit, jobId: ctx.jobId });
  },
};
