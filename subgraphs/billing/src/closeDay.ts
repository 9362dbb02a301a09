import type { EntityManager } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import type { CataloguedDraft } from '../../../messaging';
import { DEFAULT_TIME_ZONE } from '../../../runtime';
import {
  ClosingBalanceSchema,
  DayCloseSchema,
  type ClosingBalance,
  type DayClose,
  type DayTotal,
} from './entities';
import { dayClosed } from './events';
import { postgresSchema, table } from './guards';

/** The ledger's days are cut in the platform's zone. */
export const LEDGER_ZONE = DEFAULT_TIME_ZONE;

/** Today in the ledger's zone. */
export const ledgerToday = (now: Date): string =>
  DateTime.fromJSDate(now, { zone: LEDGER_ZONE }).toISODate()!;

export interface CloseResult {
  close: DayClose;
  /** False when the day was already closed (nothing was done). */
  created: boolean;
}

/** An account's balance at the end of a day, and what the day booked on it (text: bigints). */
interface DayBalance {
  account_id: string;
  currency: string;
  total: string;
  debit: string;
  credit: string;
}

/**
 * Closes a ledger day, once: in the caller's transaction it stores every account's balance
 * at the end of the day and the day's totals, and emits `billing.day.closed`. A second close
 * of the day returns the first and does nothing. Nothing can be booked on or before a
 * closed day afterwards (a trigger refuses it); postings for it land on the next open day,
 * marked late. On PostgreSQL it waits for postings in flight (they hold a shared lock).
 */
export async function closeDay(
  em: EntityManager,
  date: string,
  options: { emit: (draft: CataloguedDraft) => void; jobId?: string | null; now?: Date },
): Promise<CloseResult> {
  if (postgresSchema(em))
    await em.execute(`select pg_advisory_xact_lock(hashtext('billing.close'))`);
  const existing = await em.findOne(DayCloseSchema, { date }, { disableIdentityMap: true });
  if (existing) return { close: existing, created: false };

  const balances = await dayBalances(em, date);
  const counts = await transactionCounts(em, date);
  const totals = dayTotals(balances);
  checkBalanced(balances, date);
  const close: DayClose = {
    date,
    closedAt: options.now ?? new Date(),
    ...counts,
    totals,
    jobId: options.jobId ?? null,
  };
  const rows: ClosingBalance[] = balances.map((b) => ({
    id: `${date}|${b.account_id}|${b.currency}`,
    date,
    accountId: b.account_id,
    balanceMinor: Number(b.total),
    currency: b.currency,
  }));
  if (rows.length) await em.insertMany(ClosingBalanceSchema, rows);
  await em.insert(DayCloseSchema, close);
  options.emit(dayClosed(close, rows.length));
  return { close, created: true };
}

/** One pass over the ledger: each account's balance and what the day booked on it. */
function dayBalances(em: EntityManager, date: string): Promise<DayBalance[]> {
  return em.execute<DayBalance[]>(
    `select p.account_id, p.currency, sum(p.amount_minor) as total,
            sum(case when p.booking_date = ? and p.amount_minor > 0 then p.amount_minor else 0 end) as debit,
            sum(case when p.booking_date = ? and p.amount_minor < 0 then -p.amount_minor else 0 end) as credit
     from ${table(em, 'billing_postings')} p
     join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
     where p.booking_date <= ? group by p.account_id, p.currency`,
    [date, date, date],
  );
}

/** Per currency, sorted: the day's debits and credits and the closing debit balances. */
function dayTotals(balances: DayBalance[]): DayTotal[] {
  const currencies = [...new Set(balances.map((b) => b.currency))].sort();
  return currencies.map((currency) => {
    const mine = balances.filter((b) => b.currency === currency);
    const sum = (of: (b: DayBalance) => bigint) => mine.reduce((s, b) => s + of(b), 0n);
    return {
      currency,
      debitMinor: Number(sum((b) => BigInt(b.debit ?? 0))),
      creditMinor: Number(sum((b) => BigInt(b.credit ?? 0))),
      closingDebitBalanceMinor: mine
        .filter((b) => Number(b.total) > 0)
        .reduce((s, b) => s + Number(b.total), 0),
    };
  });
}

/** The ledger must sum to zero in every currency at the end of the day. */
function checkBalanced(balances: DayBalance[], date: string): void {
  const net = new Map<string, bigint>();
  for (const b of balances) net.set(b.currency, (net.get(b.currency) ?? 0n) + BigInt(b.total));
  for (const [currency, sum] of [...net].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (sum !== 0n) throw new Error(`The ledger does not balance in ${currency} on ${date}.`);
}

async function transactionCounts(em: EntityManager, date: string) {
  const counts = await em.execute<{ n: string; late: string | null }[]>(
    `select count(*) as n, sum(case when late then 1 else 0 end) as late
     from ${table(em, 'billing_transactions')} where booking_date = ?`,
    [date],
  );
  return {
    transactionCount: Number(counts[0]?.n ?? 0),
    lateTransactionCount: Number(counts[0]?.late ?? 0),
  };
}
