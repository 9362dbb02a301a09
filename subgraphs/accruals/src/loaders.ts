import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { employeeLoader } from '../../../runtime/src/employeeCopy';
import {
  AccrualDaySchema,
  AgreementCopySchema,
  type AccrualDayRow,
  EmployeeCopySchema,
  type AgreementCopy,
  type EmployeeCopy,
} from './entities';

/** Per-request batches: N employees' copies or agreements cost one query each. */
export interface AccrualsLoaders {
  employee: DataLoader<string, EmployeeCopy | null>;
  agreements: DataLoader<string, AgreementCopy[]>;
  /** An agreement's day rows up to a day, oldest first; the key is `agreementId|date`. */
  daysUpTo: DataLoader<string, AccrualDayRow[]>;
}

export function createLoaders({ em }: { em: EntityManager }): AccrualsLoaders {
  return {
    employee: employeeLoader(em, EmployeeCopySchema),
    agreements: new DataLoader(async (ids) => {
      const rows = await em.find(AgreementCopySchema, { employeeId: { $in: [...ids] } });
      return ids.map((id) => rows.filter((row) => row.employeeId === id));
    }),
    // One query for the whole batch, up to its latest day; each key keeps its own rows.
    daysUpTo: new DataLoader(async (keys) => {
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
    }),
  };
}
