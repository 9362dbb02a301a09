import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { employeeLoader } from '../../../runtime/src/employeeCopy';
import { EmployeeCopySchema, type EmployeeCopy } from './entities';
import { table } from './guards';

/** Per-request batches: N employees' copies, balances or costs cost one query each. */
export interface BillingLoaders {
  employee: DataLoader<string, EmployeeCopy | null>;
  /** An account's balance per currency, everything booked so far. */
  balance: DataLoader<string, number>;
  /** Per-currency cost of an employee on work days; the key is `employeeId|from|to`. */
  cost: DataLoader<string, Map<string, number>>;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function createLoaders({ em }: { em: EntityManager }): BillingLoaders {
  return {
    employee: employeeLoader(em, EmployeeCopySchema),
    balance: new DataLoader(async (ids) => {
      const rows = await em.execute<{ account_id: string; total: string }[]>(
        `select p.account_id, sum(p.amount_minor) as total from ${table(em, 'billing_postings')} p
         join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
         where p.account_id in (${marks(ids.length)}) group by p.account_id`,
        [...ids],
      );
      const byId = new Map(rows.map((r) => [r.account_id, Number(r.total)]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
    // One query per distinct period in the batch (a dashboard asks one period for everyone).
    cost: new DataLoader(async (keys) => {
      const periods = new Map<string, string[]>();
      for (const key of keys) {
        const [id, from, to] = key.split('|') as [string, string, string];
        const list = periods.get(`${from}|${to}`) ?? [];
        list.push(id);
        periods.set(`${from}|${to}`, list);
      }
      const found = new Map<string, Map<string, number>>();
      for (const [period, ids] of periods) {
        const [from, to] = period.split('|') as [string, string];
        const rows = await em.execute<{ owner_key: string; currency: string; total: string }[]>(
          `select a.owner_key, p.currency, sum(p.amount_minor) as total
           from ${table(em, 'billing_postings')} p
           join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
           join ${table(em, 'billing_accounts')} a on a.id = p.account_id
           where a.kind = 'PAYROLL_LIABILITY' and t.employee_id in (${marks(ids.length)})
             and t.work_date >= ? and t.work_date <= ?
           group by a.owner_key, p.currency`,
          [...ids, from, to],
        );
        for (const row of rows) {
          const key = `${row.owner_key}|${period}`;
          const map = found.get(key) ?? new Map<string, number>();
          // The liability is credited (negative); the cost is its opposite.
          map.set(row.currency, -Number(row.total));
          found.set(key, map);
        }
      }
      return keys.map((key) => found.get(key) ?? new Map());
    }),
  };
}
