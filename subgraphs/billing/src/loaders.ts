import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type EmployeeRange,
  idLoader,
  managerChainLoader,
  type ManagerChain,
  rangeLoader,
} from '../../../runtime';
import { EmployeeCopySchema, type EmployeeCopy } from './entities';
import { table } from './guards';

/** An employee's cost over work days `[from, to]`. */
export type CostKey = EmployeeRange;

/** What an employee cost in one currency. */
interface CurrencyCost {
  currency: string;
  amountMinor: number;
}

/** Per-request batches: N employees' copies, balances or costs cost one query each. */
export interface BillingLoaders {
  employee: DataLoader<string, EmployeeCopy | null>;
  /** The managers above each employee, nearest first: one query for a request's employees. */
  managerChain: DataLoader<string, string[]>;
  /** An account's balance per currency, everything booked so far. */
  balance: DataLoader<string, number>;
  /** An employee's cost per currency on work days. */
  cost: { load(key: CostKey): Promise<Map<string, number>> };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function createLoaders({ em }: { em: EntityManager }): BillingLoaders {
  // One query per distinct period in the batch (a dashboard asks one period for everyone).
  const costs = rangeLoader(
    (key: CostKey) => `${key.from}|${key.to}`,
    (ids, key) => costsOf(em, ids, key.from, key.to),
  );
  return {
    employee: idLoader(em, EmployeeCopySchema),
    managerChain: managerChainLoader(em, EmployeeCopySchema.meta.className),
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
    cost: {
      load: async (key) => new Map((await costs.load(key)).map((c) => [c.currency, c.amountMinor])),
    },
  };
}

/** The employees' costs per currency over a period, from their payroll liabilities. */
async function costsOf(
  em: EntityManager,
  ids: string[],
  from: string,
  to: string,
): Promise<Map<string, CurrencyCost[]>> {
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
  const found = new Map<string, CurrencyCost[]>();
  for (const row of rows)
    // The liability is credited (negative); the cost is its opposite.
    found.set(row.owner_key, [
      ...(found.get(row.owner_key) ?? []),
      { currency: row.currency, amountMinor: -Number(row.total) },
    ]);
  return found;
}

/** Managers above an employee in billing's copy, nearest first. */
export const managersOf =
  (loaders: BillingLoaders): ManagerChain =>
  (employeeId) =>
    loaders.managerChain.load(employeeId);
