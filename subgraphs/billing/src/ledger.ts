import type { EntityManager } from '@mikro-orm/knex';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { addDays } from '../../../runtime/src/calendar';
import { assessEntry, RateBook, type DayCost } from './costing';
import {
  AccountSchema,
  EntryCopySchema,
  PostingSchema,
  RateCardSchema,
  TransactionSchema,
  UncostedEntrySchema,
  type AccountKind,
  type EmployeeCopy,
  type EntryCopy,
  type LedgerTransaction,
  type Posting,
  type UncostedEntry,
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
  employeeNumber: string | null;
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

/** One entry to bring in line with the ledger: its copy, and its employee (or null). */
export interface RepostItem {
  entry: EntryCopy;
  employee: EmployeeCopy | null;
}

const DEFAULT_EMPLOYEE = (id: string): EmployeeCopy => ({
  id,
  employeeNumber: null,
  grades: [],
  departments: [],
  location: 'ENGLAND_AND_WALES',
  timeZone: 'Europe/London',
  managerId: null,
  fieldVersions: {},
  version: 0,
});

/** Rate cards of the grades these employees have had, in one query. */
export async function rateBookFor(
  em: EntityManager,
  employees: (EmployeeCopy | null)[],
): Promise<RateBook> {
  const grades = [...new Set(employees.flatMap((e) => e?.grades.map((g) => g.value) ?? []))];
  if (!grades.length) return new RateBook([]);
  return new RateBook(
    await em.find(RateCardSchema, { grade: { $in: grades } }, { disableIdentityMap: true }),
  );
}

/** The ledger's view of what an entry costs now: its COST transactions not reversed. */
interface LiveCost {
  tx: LedgerTransaction;
  postings: Posting[];
}

/** What a re-costing did. */
export interface RepostResult {
  /** COST transactions reversed. */
  reversed: number;
  /** COST transactions posted. */
  posted: number;
}

/**
 * Brings the ledger in line with the entries' costs now, in the caller's transaction.
 * `all` (a time entry event): every live cost of the entry is reversed and its cost posted
 * afresh. `diff` (an employee or rate card change): only days whose amount or accounts
 * changed are reversed and posted again. Every write is batched: one statement per table.
 * The entries' uncosted days are recorded alongside (and cleared once costed).
 * `newEntries` says no item's entry has been seen before (so there is nothing to reverse).
 */
export async function repost(
  em: EntityManager,
  items: RepostItem[],
  mode: 'all' | 'diff',
  cause: Cause,
  rates: RateBook,
  options: { newEntries?: boolean } = {},
): Promise<RepostResult> {
  if (!items.length) return { reversed: 0, posted: 0 };
  const entryIds = items.map((i) => i.entry.id);
  // An entry seen for the first time has no ledger history: its copy is written in the
  // same transaction as its first posting, and copies are never removed.
  const existing = options.newEntries
    ? []
    : await em.find(
        TransactionSchema,
        { entryId: { $in: entryIds } },
        { disableIdentityMap: true },
      );
  const reversed = new Set(existing.map((t) => t.reversesId).filter((id): id is string => !!id));
  const liveTxs = existing.filter((t) => t.kind === 'COST' && !reversed.has(t.id));
  const livePostings = liveTxs.length
    ? await em.find(
        PostingSchema,
        { transactionId: { $in: liveTxs.map((t) => t.id) } },
        { disableIdentityMap: true },
      )
    : [];
  const live = new Map<string, LiveCost[]>();
  for (const tx of liveTxs) {
    const list = live.get(tx.entryId) ?? [];
    list.push({ tx, postings: livePostings.filter((p) => p.transactionId === tx.id) });
    live.set(tx.entryId, list);
  }

  const toReverse: LiveCost[] = [];
  const toPost: { item: RepostItem; cost: DayCost }[] = [];
  const uncosted: UncostedEntry[] = [];
  const checkedAt = new Date();
  for (const item of items) {
    const assessment = assessEntry(item.entry, item.employee, rates);
    const desired = assessment.costs;
    const [first] = assessment.uncosted;
    if (first)
      uncosted.push({
        entryId: item.entry.id,
        employeeId: item.entry.employeeId,
        periodType: item.entry.periodType,
        startTime: item.entry.startTime,
        endTime: item.entry.endTime!,
        firstDay: first.workDate,
        reason: first.reason,
        grade: first.grade,
        days: assessment.uncosted,
        checkedAt,
      });
    const current = [...(live.get(item.entry.id) ?? [])];
    if (mode === 'all') {
      toReverse.push(...current);
      desired.forEach((cost) => toPost.push({ item, cost }));
      continue;
    }
    for (const cost of desired) {
      const debit = accountId('COST_CENTRE', cost.department, cost.currency);
      const credit = accountId('PAYROLL_LIABILITY', item.entry.employeeId, cost.currency);
      const same = current.findIndex(
        ({ tx, postings }) =>
          tx.workDate === cost.workDate &&
          postings.length === 2 &&
          postings.some((p) => p.accountId === debit && p.amountMinor === cost.amountMinor) &&
          postings.some((p) => p.accountId === credit && p.amountMinor === -cost.amountMinor),
      );
      if (same >= 0) current.splice(same, 1);
      else toPost.push({ item, cost });
    }
    toReverse.push(...current);
  }
  await recordUncosted(em, options.newEntries ? [] : entryIds, uncosted);
  if (!toReverse.length && !toPost.length) return { reversed: 0, posted: 0 };

  await ensureAccounts(
    em,
    toPost.flatMap(({ item, cost }) => [
      costCentre(cost.department, cost.currency),
      liability(item.employee ?? DEFAULT_EMPLOYEE(item.entry.employeeId), cost.currency),
    ]),
  );
  const lastClosed = await lastClosedDay(em);
  const recordedAt = new Date();
  const txRows: LedgerTransaction[] = [];
  const postingRows: Posting[] = [];
  const common = (workDate: string) => {
    const bookingDate = bookingDateFor(workDate, lastClosed);
    return {
      id: uuidv7(),
      workDate,
      bookingDate,
      late: bookingDate > workDate,
      occurredAt: cause.occurredAt,
      sourceEventId: cause.eventId,
      cause: cause.type,
      recordedAt,
    };
  };
  for (const { tx, postings } of toReverse) {
    const row: LedgerTransaction = {
      ...common(tx.workDate),
      kind: 'REVERSAL',
      entryId: tx.entryId,
      employeeId: tx.employeeId,
      reversesId: tx.id,
      rateCardId: null,
    };
    txRows.push(row);
    for (const p of postings)
      postingRows.push({
        id: uuidv7(),
        transactionId: row.id,
        accountId: p.accountId,
        amountMinor: -p.amountMinor,
        currency: p.currency,
        bookingDate: row.bookingDate,
      });
  }
  for (const { item, cost } of toPost) {
    const row: LedgerTransaction = {
      ...common(cost.workDate),
      kind: 'COST',
      entryId: item.entry.id,
      employeeId: item.entry.employeeId,
      reversesId: null,
      rateCardId: cost.rateCardId,
    };
    txRows.push(row);
    const line = (account: string, amountMinor: number): Posting => ({
      id: uuidv7(),
      transactionId: row.id,
      accountId: account,
      amountMinor,
      currency: cost.currency,
      bookingDate: row.bookingDate,
    });
    postingRows.push(
      line(accountId('COST_CENTRE', cost.department, cost.currency), cost.amountMinor),
      line(accountId('PAYROLL_LIABILITY', item.entry.employeeId, cost.currency), -cost.amountMinor),
    );
  }
  assertBalanced(txRows, postingRows);
  // Postings first: on SQLite the transaction row seals its postings (see guards.ts).
  await em.insertMany(PostingSchema, postingRows);
  await em.insertMany(TransactionSchema, txRows);
  return { reversed: toReverse.length, posted: toPost.length };
}

/** Replaces the uncosted rows of some entries (a derived list, so rows are replaced). */
async function recordUncosted(
  em: EntityManager,
  entryIds: string[],
  rows: UncostedEntry[],
): Promise<void> {
  if (entryIds.length) await em.nativeDelete(UncostedEntrySchema, { entryId: { $in: entryIds } });
  if (rows.length) await em.insertMany(UncostedEntrySchema, rows);
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
