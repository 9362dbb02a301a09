import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type CopyLoaders,
  createCopyLoaders,
  employeeRowsLoader,
  sqlTable,
} from '../../../runtime';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  type AccrualDayRow,
  EmployeeCopySchema,
  type AgreementCopy,
  type EmployeeCopy,
} from './entities';

/** Per-request batches: N employees' copies, agreements or chains cost one query each. */
export interface AccrualsLoaders extends CopyLoaders<EmployeeCopy> {
  agreements: DataLoader<string, AgreementCopy[]>;
  /**
   * An agreement's latest day row of each type up to a day (what a summary reads), oldest
   * first; the key is `agreementId|date`.
   */
  lastDays: DataLoader<string, AccrualDayRow[]>;
}

/**
 * The rows of `agreementIds` that are the latest of their type up to `date`: a summary needs
 * only those, where the whole history up to the day grows with every day worked.
 */
function lastDaysUpTo(em: EntityManager, agreementIds: string[], date: string) {
  const table = sqlTable(em, AccrualDaySchema.meta.className);
  return em
    .createQueryBuilder(AccrualDaySchema, 'd')
    .where({ agreementId: { $in: agreementIds } })
    .andWhere(
      `d.date = (select max(l.date) from ${table} l where l.agreement_id = d.agreement_id ` +
        'and l.accrual_type = d.accrual_type and l.date <= ?)',
      [date],
    )
    .orderBy({ date: 'asc' })
    .execute<AccrualDayRow[]>('all');
}

/** One query per day asked for (a batch asks for one, as a rule); each key keeps its own rows. */
function lastDaysLoader(em: EntityManager): DataLoader<string, AccrualDayRow[]> {
  return new DataLoader(async (keys) => {
    const parsed = keys.map((key) => key.split('|') as [string, string]);
    const byDate = new Map<string, Set<string>>();
    for (const [id, date] of parsed) byDate.set(date, (byDate.get(date) ?? new Set()).add(id));
    const found = new Map<string, AccrualDayRow[]>();
    for (const [date, ids] of byDate) {
      for (const row of await lastDaysUpTo(em, [...ids], date)) {
        const key = `${row.agreementId}|${date}`;
        const rows = found.get(key);
        if (rows) rows.push(row);
        else found.set(key, [row]);
      }
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}

export function createLoaders({ em }: { em: EntityManager }): AccrualsLoaders {
  return {
    ...createCopyLoaders(em, EmployeeCopySchema),
    agreements: employeeRowsLoader(em, AgreementCopySchema),
    lastDays: lastDaysLoader(em),
  };
}
