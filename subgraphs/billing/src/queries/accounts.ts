import type { EntityManager } from '@mikro-orm/knex';
import { decodeCursor, pageOf } from '../../../../runtime';
import { AccountSchema, type Account } from '../entities';
import { accountNotFound, invalid } from '../errors';
import { table } from '../guards';
import { DEFAULT_CURRENCY, type Money } from '../money';

export const money = (amountMinor: number, currency: string): Money => ({ amountMinor, currency });

export interface StatementLine {
  id: string;
  occurredAt: Date;
  kind: string;
  amount: Money;
  sourceEventId: string | null;
  cause: string;
  entryId: string;
  employeeId: string;
  workDate: string;
  bookingDate: string;
  late: boolean;
  reversesId: string | null;
}

/** Ledger accounts by name, a page of `size` after the cursor. */
export async function listAccounts(em: EntityManager, size: number, after?: string | null) {
  const where = after
    ? (([name, id]) => ({
        $or: [{ name: { $gt: name } }, { name, id: { $gt: id } }],
      }))(decodeCursor(after, 2) as [string, string])
    : {};
  const [rows, totalCount] = await Promise.all([
    em.find(AccountSchema, where, { orderBy: { name: 'asc', id: 'asc' }, limit: size + 1 }),
    em.count(AccountSchema, {}),
  ]);
  return { ...pageOf(rows, size, (account) => [account.name, account.id]), totalCount };
}

export async function findAccount(em: EntityManager, id: string): Promise<Account> {
  const account = await em.findOne(AccountSchema, { id });
  if (!account) throw accountNotFound(id);
  return account;
}

/** What the account held before `from`, each transaction booked in `[from, to]`, and after. */
export async function statement(em: EntityManager, account: Account, from: string, to: string) {
  const opening = await em.execute<{ total: string | null }[]>(
    `select sum(p.amount_minor) as total from ${table(em, 'billing_postings')} p
     join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
     where p.account_id = ? and p.booking_date < ?`,
    [account.id, from],
  );
  const rows = await em.execute<Record<string, unknown>[]>(
    `select t.id, t.occurred_at, t.kind, p.amount_minor, t.source_event_id, t.cause, t.entry_id,
            t.employee_id, t.work_date, t.booking_date, t.late, t.reverses_id
     from ${table(em, 'billing_postings')} p join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
     where p.account_id = ? and p.booking_date >= ? and p.booking_date <= ?
     order by p.booking_date asc, t.id asc`,
    [account.id, from, to],
  );
  const openingMinor = Number(opening[0]?.total ?? 0);
  const transactions = rows.map((row) => statementLine(row, account.currency));
  const closingMinor = transactions.reduce((sum, t) => sum + t.amount.amountMinor, openingMinor);
  return {
    openingBalance: money(openingMinor, account.currency),
    closingBalance: money(closingMinor, account.currency),
    transactions,
  };
}

const statementLine = (r: Record<string, unknown>, currency: string): StatementLine => ({
  id: String(r.id),
  occurredAt: new Date(r.occurred_at as string | number | Date),
  kind: String(r.kind),
  amount: money(Number(r.amount_minor), currency),
  sourceEventId: (r.source_event_id as string | null) ?? null,
  cause: String(r.cause),
  entryId: String(r.entry_id),
  employeeId: String(r.employee_id),
  workDate: String(r.work_date),
  bookingDate: String(r.booking_date),
  late: r.late === true || r.late === 1,
  reversesId: (r.reverses_id as string | null) ?? null,
});

/** The trial balance at the end of `on`: totals in `currency`, balanced in every currency. */
export async function trialBalance(em: EntityManager, on: string, currency: string) {
  const rows = await em.execute<{ currency: string; total: string }[]>(
    `select p.currency, sum(p.amount_minor) as total from ${table(em, 'billing_postings')} p
     join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
     where p.booking_date <= ? group by p.account_id, p.currency`,
    [on],
  );
  const net = new Map<string, bigint>();
  let debits = 0;
  let credits = 0;
  for (const row of rows) {
    const total = BigInt(row.total);
    net.set(row.currency, (net.get(row.currency) ?? 0n) + total);
    if (row.currency !== currency) continue;
    if (total > 0n) debits += Number(total);
    else credits -= Number(total);
  }
  return {
    on,
    balanced: [...net.values()].every((sum) => sum === 0n),
    total: money(debits, currency),
    credits: money(credits, currency),
  };
}

/**
 * An employee's cost in one currency from their costs per currency: the one asked for, or
 * the only one the period has (GBP when none).
 */
export function costIn(byCurrency: Map<string, number>, currency?: string | null): Money {
  if (currency) return money(byCurrency.get(currency) ?? 0, currency);
  const present = [...byCurrency.entries()].filter(([, amount]) => amount !== 0);
  if (present.length > 1)
    throw invalid('currency', 'The period has costs in several currencies: name one.');
  const [only] = present;
  return only ? money(only[1], only[0]) : money(0, DEFAULT_CURRENCY);
}
