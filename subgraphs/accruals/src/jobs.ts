import type { EntityManager } from '@mikro-orm/core';
import type { CataloguedJob } from '../../../messaging';
import { addDays, chunks, dailyRuns, DEFAULT_TIME_ZONE, localDate } from '../../../runtime';
import { checkAgreement, lastRowsOn, seenStatuses, statusChanges } from './balanceStatus';
import { AgreementCopySchema, EmployeeCopySchema, type AgreementCopy } from './entities';
import { emitting, type Emit } from './events';
import { lockEmployee } from './ledger';

export const BALANCE_STATUS_JOB = 'accruals.checkBalanceStatus';
/** The UTC time of day the check runs: after midnight in Europe/London, summer or winter. */
export const RUN_AT_UTC = 'T01:00:00Z';

interface InForce {
  agreement: AgreementCopy;
  /** The employee's local day at the run. */
  on: string;
}

/** The agreements that cover their employee's local day at `at`. */
async function agreementsInForce(em: EntityManager, at: Date): Promise<InForce[]> {
  const utc = localDate(at, 'UTC');
  // Every zone's local day is within a day of UTC's.
  const agreements = await em.find(
    AgreementCopySchema,
    { startDate: { $lte: addDays(utc, 1) }, endDate: { $gte: addDays(utc, -1) } },
    { disableIdentityMap: true, orderBy: { id: 'asc' } },
  );
  const zones = new Map<string, string>();
  const employeeIds = [...new Set(agreements.map((a) => a.employeeId))];
  for (const part of chunks(employeeIds)) {
    const copies = await em.find(
      EmployeeCopySchema,
      { id: { $in: part } },
      { disableIdentityMap: true, fields: ['id', 'timeZone'] },
    );
    for (const copy of copies) zones.set(copy.id, copy.timeZone);
  }
  return agreements
    .map((agreement) => ({
      agreement,
      on: localDate(at, zones.get(agreement.employeeId) ?? DEFAULT_TIME_ZONE),
    }))
    .filter(({ agreement, on }) => agreement.startDate <= on && on <= agreement.endDate);
}

/**
 * Checks every agreement in force: the expected share grows each day, so a balance drifts
 * into another band without any new time. Reads in bulk to find the types that changed,
 * then, for those agreements only, takes the employee's lock and checks again, so a time
 * event applied meanwhile is not reported twice.
 */
export async function checkAllStatuses(em: EntityManager, at: Date, emit: Emit): Promise<void> {
  const inForce = await agreementsInForce(em, at);
  for (const chunk of chunks(inForce)) {
    const rows = await lastRowsOn(
      em,
      chunk.map(({ agreement, on }) => ({ id: agreement.id, on })),
    );
    const seen = await seenStatuses(
      em,
      chunk.map(({ agreement }) => agreement.id),
    );
    for (const { agreement, on } of chunk) {
      const before = seen.get(agreement.id) ?? [];
      if (!statusChanges(agreement, rows.get(agreement.id)!, before, on).length) continue;
      await lockEmployee(em, agreement.employeeId);
      const current = await em.findOne(AgreementCopySchema, agreement.id, {
        disableIdentityMap: true,
      });
      if (current) await checkAgreement(em, current, on, emit);
    }
  }
}

/**
 * The daily check, one occurrence per UTC day (`accruals.checkBalanceStatus:<date>` at
 * 01:00 UTC). `plan` names today's (run at once if missed) and tomorrow's. A run checks
 * the present by `now`, the clock the ledger's handler uses too: only the present
 * matters, and a late run checking the day it was due for could undo what a time event
 * has reported since, and report it again later.
 */
export function createBalanceStatusJob(now: () => Date): CataloguedJob {
  return {
    name: BALANCE_STATUS_JOB,
    maxAttempts: 5,
    plan: (at) =>
      dailyRuns(
        BALANCE_STATUS_JOB,
        localDate(at, 'UTC'),
        (date) => new Date(`${date}${RUN_AT_UTC}`),
      ),
    run: (ctx) => checkAllStatuses(ctx.em, now(), emitting(ctx.emit)),
  };
}
