import type { EntityManager } from '@mikro-orm/knex';
import { v5 as uuidv5 } from 'uuid';
import { addDays, findIn } from '../../../runtime';
import { RateBook } from './costing';
import {
  AccountSchema,
  EntryCopySchema,
  RateCardSchema,
  type AccountKind,
  type EmployeeCopy,
  type EntryCopy,
  type LedgerTransaction,
  type Posting,
} from './entities';
import { postgresSchema, table } from './guards';

/** Namespace of the derived account ids. */
const ACCOUNT_NAMESPACE = '7d0f4b0e-8a51-4c8e-9a4e-2d6a3c1b9f00';

export const accountId = (kind: AccountKind, ownerKey: string, currency: string): string =>
  uuidv5(`${kind}|${ownerKey}|${currency}`, ACCOUNT_NAMESPACE);

/** What caused a posting, for the transaction's explanation. */
export interface Cause {
  /** The event's id, or null (a rate card's re-costing). */
  eventId: string | null;
  /** The event type, or `billing.rate_card.set`. */
  type: string;
  occurredAt: Date;
}

/** Serialises postings against the close (shared) and per employee (exclusive) on PostgreSQL. */
export async function lockForPosting(em: EntityManager, employeeIds: string[]): Promise<void> {
  if (!postgresSchema(em)) return; // SQLite has one writer at a time anyway.
  const keys = [...new Set(employeeIds)].sort().map((id) => `billing.employee:${id}`);
  // Few round trips: a select list is evaluated left to right, so the close lock comes
  // first and the employees' locks follow in sorted order (no deadlock between posters).
  for (let from = 0; from === 0 || from < keys.length; from += LOCKS_PER_STATEMENT) {
    const chunk = keys.slice(from, from + LOCKS_PER_STATEMENT);
    const locks = chunk.map(() => 'pg_advisory_xact_lock(hashtext(?))');
    if (from === 0) locks.unshift(`pg_advisory_xact_lock_shared(hashtext('billing.close'))`);
    await em.execute(`select ${locks.join(', ')}`, chunk);
  }
}

/** Bound parameters per lock statement, far below PostgreSQL's limit. */
const LOCKS_PER_STATEMENT = 1000;

/** The last closed ledger day, or null. */
export async function lastClosedDay(em: EntityManager): Promise<string | null> {
  const rows = await em.execute<{ d: string | null }[]>(
    `select max(date) as d from ${table(em, 'billing_day_closes')}`,
  );
  return rows[0]?.d ?? null;
}

/** Where a posting for a work day is booked: that day, or the first day after the last close. */
export const bookingDateFor = (workDate: string, lastClosed: string | null): string =>
  lastClosed && workDate <= lastClosed ? addDays(lastClosed, 1) : workDate;

export interface AccountSpec {
  kind: AccountKind;
  ownerKey: string;
  currency: string;
  name: string;
}

export const costCentre = (department: string, currency: string): AccountSpec => ({
  kind: 'COST_CENTRE',
  ownerKey: department,
  currency,
  name: `Cost centre ${department} (${currency})`,
});

export const liability = (employee: EmployeeRef, currency: string): AccountSpec => ({
  kind: 'PAYROLL_LIABILITY',
  ownerKey: employee.id,
  currency,
  name: `Payroll liability ${employee.employeeNumber ?? employee.id} (${currency})`,
});

interface EmployeeRef {
  id: string;
  employeeNumber: string | null | undefined;
}

/** Creates the accounts that do not exist yet, in one statement; safe with concurrent writers. */
export async function ensureAccounts(em: EntityManager, specs: AccountSpec[]): Promise<void> {
  const unique = new Map(specs.map((s) => [accountId(s.kind, s.ownerKey, s.currency), s]));
  if (!unique.size) return;
  const now = new Date();
  await em
    .createQueryBuilder(AccountSchema)
    .insert([...unique].map(([id, s]) => ({ id, ...s, createdAt: now })))
    .onConflict()
    .ignore()
    .execute();
}

/** Rate cards of the grades these employees have had, in one query. */
export async function rateBookFor(
  em: EntityManager,
  employees: (EmployeeCopy | null)[],
): Promise<RateBook> {
  const grades = [...new Set(employees.flatMap((e) => e?.grades.map((g) => g.value) ?? []))];
  if (!grades.length) return new RateBook([]);
  return new RateBook(
    await findIn(em, RateCardSchema, 'grade', grades, { disableIdentityMap: true }),
  );
}

/** The check in code: every transaction has postings and they sum to zero per currency. */
export function assertBalanced(txs: LedgerTransaction[], postings: Posting[]): void {
  const sums = new Map<string, bigint>();
  const counts = new Map<string, number>();
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountMinor))
      throw new Error('A posting is not whole minor units.');
    const key = `${p.transactionId}|${p.currency}`;
    sums.set(key, (sums.get(key) ?? 0n) + BigInt(p.amountMinor));
    counts.set(p.transactionId, (counts.get(p.transactionId) ?? 0) + 1);
  }
  for (const tx of txs)
    if ((counts.get(tx.id) ?? 0) < 2) throw new Error(`Transaction ${tx.id} has no postings.`);
  for (const [key, sum] of sums)
    if (sum !== 0n) throw new Error(`Transaction ${key} does not sum to zero (${sum}).`);
}

/** The entries of some employees (tombstones left out), optionally only those ending after a day. */
export async function entriesOf(
  em: EntityManager,
  employeeIds: string[],
  endingFrom?: Date,
): Promise<EntryCopy[]> {
  if (!employeeIds.length) return [];
  return em.find(
    EntryCopySchema,
    {
      employeeId: { $in: employeeIds },
      deleted: false,
      ...(endingFrom ? { endTime: { $gte: endingFrom } } : {}),
    },
    { disableIdentityMap: true },
  );
}
