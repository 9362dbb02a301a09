import type { EntityManager } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../../../runtime/src/calendar';
import type { EventDraft, JobDefinition } from '../../../messaging/src/types';
import {
  ClosingBalanceSchema,
  DayCloseSchema,
  type ClosingBalance,
  type DayClose,
  type DayTotal,
} from './entities';
import { ensureLedgerGuards, postgresSchema, table } from './guards';

export const DAY_CLOSED = 'billing.day.closed';
export const CLOSE_JOB = 'billing.closeDay';

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
  options: { emit: (draft: EventDraft) => void; jobId?: string | null; now?: Date },
): Promise<CloseResult> {
  await ensureLedgerGuards(em);
  if (postgresSchema(em))
    await em.execute(`select pg_advisory_xact_lock(hashtext('billing.close'))`);
  const existing = await em.findOne(DayCloseSchema, { date }, { disableIdentityMap: true });
  if (existing) return { close: existing, created: false };

  // One pass over the ledger: each account's balance and what the day booked on it.
  const balances = await em.execute<
    { account_id: string; currency: string; total: string; debit: string; credit: string }[]
  >(
    `select p.account_id, p.currency, sum(p.amount_minor) as total,
            sum(case when p.booking_date = ? and p.amount_minor > 0 then p.amount_minor else 0 end) as debit,
            sum(case when p.booking_date = ? and p.amount_minor < 0 then -p.amount_minor else 0 end) as credit
     from ${table(em, 'billing_postings')} p
     join ${table(em, 'billing_transactions')} t on t.id = p.transaction_id
     where p.booking_date <= ? group by p.account_id, p.currency`,
    [date, date, date],
  );
  const day = new Map<string, { debit: bigint; credit: bigint }>();
  for (const b of balances) {
    const sums = day.get(b.currency) ?? { debit: 0n, credit: 0n };
    sums.debit += BigInt(b.debit ?? 0);
    sums.credit += BigInt(b.credit ?? 0);
    day.set(b.currency, sums);
  }
  const counts = await em.execute<{ n: string; late: string | null }[]>(
    `select count(*) as n, sum(case when late then 1 else 0 end) as late
     from ${table(em, 'billing_transactions')} where booking_date = ?`,
    [date],
  );
  const currencies = [...new Set(balances.map((r) => r.currency))].sort();
  const totals: DayTotal[] = currencies.map((currency) => {
    const d = day.get(currency);
    return {
      currency,
      debitMinor: Number(d?.debit ?? 0),
      creditMinor: Number(d?.credit ?? 0),
      closingDebitBalanceMinor: balances
        .filter((b) => b.currency === currency && Number(b.total) > 0)
        .reduce((sum, b) => sum + Number(b.total), 0),
    };
  });
  for (const currency of currencies) {
    const net = balances
      .filter((b) => b.currency === currency)
      .reduce((sum, b) => sum + BigInt(b.total), 0n);
    if (net !== 0n) throw new Error(`The ledger does not balance in ${currency} on ${date}.`);
  }
  const close: DayClose = {
    date,
    closedAt: options.now ?? new Date(),
    transactionCount: Number(counts[0]?.n ?? 0),
    lateTransactionCount: Number(counts[0]?.late ?? 0),
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
  options.emit({
    type: DAY_CLOSED,
    subject: date,
    data: {
      date,
      transactionCount: close.transactionCount,
      lateTransactionCount: close.lateTransactionCount,
      accountCount: rows.length,
      totals,
      version: 1,
    },
  });
  return { close, created: true };
}

/** The day before `date`. */
const dayBefore = (date: string) =>
  DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate()!;

/** When the close of `date` runs: 00:30 on the next day, ledger time. */
export const closeRunAt = (date: string): Date =>
  DateTime.fromISO(date, { zone: LEDGER_ZONE })
    .plus({ days: 1 })
    .set({ hour: 0, minute: 30 })
    .toJSDate();

/**
 * The daily close: one occurrence per ledger day, id `billing.closeDay:<date>`, at 00:30 of
 * the next day (Europe/London). `plan` names yesterday's (runs at once if missed) and
 * today's; already scheduled ids are ignored, and a day already closed is not closed again.
 */
export const closeDayJob: JobDefinition = {
  name: CLOSE_JOB,
  maxAttempts: 10,
  plan(now) {
    const today = ledgerToday(now);
    return [dayBefore(today), today].map((date) => ({
      id: `${CLOSE_JOB}:${date}`,
      job: CLOSE_JOB,
      runAt: closeRunAt(date),
      payload: { date },
    }));
  },
  async run(ctx) {
    const date =
      typeof ctx.payload.date === 'string' ? ctx.payload.date : dayBefore(ledgerToday(ctx.runAt));
    await closeDay(ctx.em as EntityManager, date, { emit: ctx.emit, jobId: ctx.jobId });
  },
};
