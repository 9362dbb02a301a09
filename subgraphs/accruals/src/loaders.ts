import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { idLoader, listLoader, managerChainLoader } from '../../../runtime';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  type AccrualDayRow,
  EmployeeCopySchema,
  type AgreementCopy,
  type EmployeeCopy,
} from './entities';

/** Per-request batches: N employees' copies, agreements or chains cost one query each. */
export interface AccrualsLoaders {
  employee: DataLoader<string, EmployeeCopy | null>;
  agreements: DataLoader<string, AgreementCopy[]>;
  /** An agreement's day rows up to a day, oldest first; the key is `agreementId|date`. */
  daysUpTo: DataLoader<string, AccrualDayRow[]>;
  /** Managers above an employee in accruals' copy, nearest first. */
  managerChain: DataLoader<string, string[]>;
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
    employee: idLoader(em, EmployeeCopySchema),
    agreements: listLoader(
      (ids) => em.find(AgreementCopySchema, { employeeId: { $in: ids } }),
      (row) => row.employeeId,
    ),
    daysUpTo: daysUpToLoader(em),
    managerChain: managerChainLoader(em, EmployeeCopySchema.meta.className),
  };
}
