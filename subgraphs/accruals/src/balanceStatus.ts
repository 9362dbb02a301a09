import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { chunks, DEFAULT_TIME_ZONE, localDate, sqlTable } from '../../../runtime';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  BalanceStatusSchema,
  EmployeeCopySchema,
  type AccrualType,
  type AgreementCopy,
  type BalanceStatusRow,
} from './entities';
import { balanceStatusChanged, type Emit } from './events';
import { deviationPercent, type AccrualStatus } from './rules';
import { summarise, type AccrualSummary, type CumulativeRow } from './summarise';

/** A type whose status differs from the one last seen. */
export interface StatusChange {
  summary: AccrualSummary;
  previous: AccrualStatus;
  seen: BalanceStatusRow | undefined;
}

const statusId = (agreementId: string, type: AccrualType) => `${agreementId}|${type}`;

/**
 * The types of an agreement whose status on `on` differs from the one last seen. A type
 * never seen counts as ON_TRACK, so a first look that finds it on track says nothing. A
 * type without a target has no expected share to be on or off track against.
 */
export function statusChanges(
  agreement: AgreementCopy,
  rows: readonly CumulativeRow[],
  seen: readonly BalanceStatusRow[],
  on: string,
): StatusChange[] {
  return summarise(agreement, rows, on)
    .filter((summary) => summary.target > 0)
    .map((summary) => {
      const row = seen.find((s) => s.id === statusId(agreement.id, summary.accrualType));
      return { summary, previous: (row?.status ?? 'ON_TRACK') as AccrualStatus, seen: row };
    })
    .filter((change) => change.summary.status !== change.previous);
}

/**
 * Each agreement's last day row per type on or before its day: what the summary needs,
 * one query for many agreements (the subquery walks the agreement-type-date index).
 */
export async function lastRowsOn(
  em: EntityManager,
  agreements: readonly { id: string; on: string }[],
): Promise<Map<string, CumulativeRow[]>> {
  const out = new Map<string, CumulativeRow[]>(agreements.map((a) => [a.id, []]));
  const byDay = new Map<string, string[]>();
  for (const { id, on } of agreements) {
    const ids = byDay.get(on);
    if (ids) ids.push(id);
    else byDay.set(on, [id]);
  }
  const table = sqlTable(em, AccrualDaySchema.meta.className);
  for (const [on, ids] of byDay) {
    const rows = await (em as SqlEntityManager).execute<
      { agreement_id: string; accrual_type: AccrualType; date: string; cumulative_total: number }[]
    >(
      `select d.agreement_id, d.accrual_type, d."date", d.cumulative_total from ${table} d
       where d.agreement_id in (${ids.map(() => '?').join(', ')})
         and d."date" = (select max(e."date") from ${table} e
                         where e.agreement_id = d.agreement_id
                           and e.accrual_type = d.accrual_type and e."date" <= ?)`,
      [...ids, on],
    );
    for (const row of rows)
      out.get(row.agreement_id)!.push({
        accrualType: row.accrual_type,
        date: row.date,
        cumulativeTotal: Number(row.cumulative_total),
      });
  }
  return out;
}

/** The statuses last seen of these agreements' types, by agreement id. */
export async function seenStatuses(
  em: EntityManager,
  agreementIds: readonly string[],
): Promise<Map<string, BalanceStatusRow[]>> {
  const rows = await em.find(
    BalanceStatusSchema,
    { agreementId: { $in: [...agreementIds] } },
    { disableIdentityMap: true },
  );
  const out = new Map<string, BalanceStatusRow[]>();
  for (const row of rows) {
    const list = out.get(row.agreementId);
    if (list) list.push(row);
    else out.set(row.agreementId, [row]);
  }
  return out;
}

/**
 * Keeps the status of each type of one agreement on `on` and emits
 * `accruals.balance_status.changed` for each that changed. The caller holds the employee's
 * lock, so the stored status it compares with is the latest.
 */
export async function checkAgreement(
  em: EntityManager,
  agreement: AgreementCopy,
  on: string,
  emit: Emit,
): Promise<void> {
  const rows = await lastRowsOn(em, [{ id: agreement.id, on }]);
  const seen = (await seenStatuses(em, [agreement.id])).get(agreement.id) ?? [];
  const recorder = statusRecorder();
  for (const change of statusChanges(agreement, rows.get(agreement.id)!, seen, on))
    recorder.record(agreement, change, on, emit);
  await recorder.store(em);
}

/**
 * Checks the agreement that covers the employee's local day at `at`, after their balances
 * or agreements changed. Nothing when no agreement covers that day. `agreements`, when the
 * caller read them in this transaction, are all of the employee's and spare a query.
 */
export async function checkEmployeeStatus(
  em: EntityManager,
  employeeId: string,
  at: Date,
  emit: Emit,
  agreements?: AgreementCopy[],
): Promise<void> {
  // By id: the copy read earlier in this transaction, if any (it changes only through em).
  const zone = (await em.findOne(EmployeeCopySchema, employeeId))?.timeZone ?? DEFAULT_TIME_ZONE;
  const on = localDate(at, zone);
  const agreement = agreements
    ? (agreements.find((a) => a.startDate <= on && on <= a.endDate) ?? null)
    : await em.findOne(
        AgreementCopySchema,
        { employeeId, startDate: { $lte: on }, endDate: { $gte: on } },
        { disableIdentityMap: true },
      );
  if (agreement) await checkAgreement(em, agreement, on, emit);
}

/**
 * Emits status changes as they are recorded, and stores the new statuses together, one
 * statement for a whole batch of employees.
 */
export function statusRecorder() {
  const rows: BalanceStatusRow[] = [];
  return {
    record(
      agreement: AgreementCopy,
      { summary, previous, seen }: StatusChange,
      on: string,
      emit: Emit,
    ) {
      const version = (seen?.version ?? 0) + 1;
      rows.push({
        id: statusId(agreement.id, summary.accrualType),
        employeeId: agreement.employeeId,
        agreementId: agreement.id,
        accrualType: summary.accrualType,
        status: summary.status,
        date: on,
        version,
      });
      const deviation = deviationPercent(summary.worked, summary.expectedToDate);
      emit(balanceStatusChanged({ agreement, summary, previous, on, deviation, version }));
    },
    async store(em: EntityManager): Promise<void> {
      // A hundred rows a statement: knex writes SQLite's as a compound SELECT, which has a
      // limit of 500 terms.
      for (const some of chunks(rows, 100))
        await (em as SqlEntityManager)
          .createQueryBuilder(BalanceStatusSchema)
          .insert(some)
          .onConflict('id')
          .merge(['status', 'date', 'version'])
          .execute('run');
    },
  };
}
