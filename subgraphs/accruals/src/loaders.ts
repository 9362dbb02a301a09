import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { type CopyLoaders, createCopyLoaders, listLoader } from '../../../runtime';
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
  /** An agreement's day rows up to a day, oldest first; the key is `agreementId|date`. */
  daysUpTo: DataLoader<string, AccrualDayRow[]>;
}

/** One query for the whole batch, up to its latest day; each key keeps its own rows. */
function daysUpToLoader(em: EntityManager): DataLoader<string, AccrualDayRow[]> {
  return new DataLoader(async (keys) => {
    const parsed = keys.map((key) => key.split('|') as [string, string]);
    const latest = parsed.map(([, date]) => date).sort()[parsed.length - 1];
    const rows = await em.find(
      AccrualDaySchema,
      { agreementId: { $in: [...new Set(parsed.map(([id]) => id))] }, date: { $lte: latest } },
      { orderBy: { date: 'asc' } },
    );
    return parsed.map(([id, date]) =>
      rows.filter((row) => row.agreementId === id && row.date <= date),
    );
  });
}

export function createLoaders({ em }: { em: EntityManager }): AccrualsLoaders {
  return {
    ...createCopyLoaders(em, EmployeeCopySchema),
    agreements: listLoader(
      (ids) => em.find(AgreementCopySchema, { employeeId: { $in: ids } }),
      (row) => row.employeeId,
    ),
    daysUpTo: daysUpToLoader(em),
  };
}
