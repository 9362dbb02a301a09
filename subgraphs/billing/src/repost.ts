import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { assessEntry, type DayCost, type EntryAssessment, type RateBook } from './costing';
import {
  blankEmployee,
  PostingSchema,
  TransactionSchema,
  UncostedEntrySchema,
  type EmployeeCopy,
  type EntryCopy,
  type LedgerTransaction,
  type Posting,
  type UncostedEntry,
} from './entities';
import {
  accountId,
  assertBalanced,
  bookingDateFor,
  costCentre,
  ensureAccounts,
  lastClosedDay,
  liability,
  type AccountSpec,
  type Cause,
} from './ledger';

/** Where a re-costing's writes go: straight to the database, or a batch's buffers. */
export interface LedgerWriter {
  lastClosedDay(): Promise<string | null>;
  ensureAccounts(specs: AccountSpec[]): Promise<void>;
  /** Replaces the uncosted rows of `entryIds` (none stored for other entries) by `rows`. */
  recordUncosted(entryIds: string[], rows: UncostedEntry[]): Promise<void>;
  /** Balanced transactions and their postings. */
  insertLedger(transactions: LedgerTransaction[], postings: Posting[]): Promise<void>;
}

/** Writes each statement as it comes, in the caller's transaction. */
export const directWriter = (em: EntityManager): LedgerWriter => ({
  lastClosedDay: () => lastClosedDay(em),
  ensureAccounts: (specs) => ensureAccounts(em, specs),
  recordUncosted: (entryIds, rows) => recordUncosted(em, entryIds, rows),
  async insertLedger(transactions, postings) {
    // Postings first: on SQLite the transaction row seals its postings (see the ledger guards' migration).
    await em.insertMany(PostingSchema, postings);
    await em.insertMany(TransactionSchema, transactions);
  },
});

/** One entry to bring in line with the ledger: its copy, and its employee (or null). */
export interface RepostItem {
  entry: EntryCopy;
  employee: EmployeeCopy | null;
}

/** What a re-costing did. */
export interface RepostResult {
  /** COST transactions reversed. */
  reversed: number;
  /** COST transactions posted. */
  posted: number;
}

/** The ledger's view of what an entry costs now: its COST transactions not reversed. */
interface LiveCost {
  tx: LedgerTransaction;
  postings: Posting[];
}

interface ToPost {
  item: RepostItem;
  cost: DayCost;
}

/** What a re-costing will write. */
interface Plan {
  toReverse: LiveCost[];
  toPost: ToPost[];
  uncosted: UncostedEntry[];
}

/**
 * Brings the ledger in line with the entries' costs now, in the caller's transaction.
 * `all` (a time entry event): every live cost of the entry is reversed and its cost posted
 * afresh. `diff` (an employee or rate card change): only days whose amount or accounts
 * changed are reversed and posted again. Every write is batched: one statement per table.
 * The entries' uncosted days are recorded alongside (and cleared once costed).
 * `newEntries` says no item's entry has been seen before (so there is nothing to reverse).
 * `writer` takes the writes (by default straight to the database).
 */
export async function repost(
  em: EntityManager,
  items: RepostItem[],
  mode: 'all' | 'diff',
  cause: Cause,
  rates: RateBook,
  options: { newEntries?: boolean; writer?: LedgerWriter } = {},
): Promise<RepostResult> {
  const writer = options.writer ?? directWriter(em);
  if (!items.length) return { reversed: 0, posted: 0 };
  const entryIds = items.map((i) => i.entry.id);
  // An entry seen for the first time has no ledger history: its copy is written in the
  // same transaction as its first posting, and copies are never removed.
  const live = options.newEntries ? new Map<string, LiveCost[]>() : await liveCosts(em, entryIds);
  const plan = planRepost(items, mode, live, rates);
  await writer.recordUncosted(options.newEntries ? [] : entryIds, plan.uncosted);
  if (!plan.toReverse.length && !plan.toPost.length) return { reversed: 0, posted: 0 };

  await writer.ensureAccounts(
    plan.toPost.flatMap(({ item, cost }) => [
      costCentre(cost.department, cost.currency),
      liability(item.employee ?? blankEmployee(item.entry.employeeId), cost.currency),
    ]),
  );
  const { transactions, postings } = ledgerRows(plan, cause, await writer.lastClosedDay());
  assertBalanced(transactions, postings);
  await writer.insertLedger(transactions, postings);
  return { reversed: plan.toReverse.length, posted: plan.toPost.length };
}

/** The live costs of the entries, with their postings, by entry. */
async function liveCosts(em: EntityManager, entryIds: string[]): Promise<Map<string, LiveCost[]>> {
  const existing = await em.find(
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
    const postings = livePostings.filter((p) => p.transactionId === tx.id);
    live.set(tx.entryId, [...(live.get(tx.entryId) ?? []), { tx, postings }]);
  }
  return live;
}

/** What to reverse and post for each entry, and which entries stay uncosted. */
function planRepost(
  items: RepostItem[],
  mode: 'all' | 'diff',
  live: Map<string, LiveCost[]>,
  rates: RateBook,
): Plan {
  const plan: Plan = { toReverse: [], toPost: [], uncosted: [] };
  const checkedAt = new Date();
  for (const item of items) {
    const assessment = assessEntry(item.entry, item.employee, rates);
    const uncosted = uncostedRow(item.entry, assessment, checkedAt);
    if (uncosted) plan.uncosted.push(uncosted);
    const current = [...(live.get(item.entry.id) ?? [])];
    for (const cost of assessment.costs) {
      const same = mode === 'diff' ? current.findIndex((c) => isPosted(c, item, cost)) : -1;
      if (same >= 0) current.splice(same, 1);
      else plan.toPost.push({ item, cost });
    }
    plan.toReverse.push(...current);
  }
  return plan;
}

/** Whether a live cost already books `cost`: same day, same amount, same two accounts. */
function isPosted({ tx, postings }: LiveCost, item: RepostItem, cost: DayCost): boolean {
  const [[debit], [credit]] = costLines(item.entry.employeeId, cost);
  return (
    tx.workDate === cost.workDate &&
    postings.length === 2 &&
    postings.some((p) => p.accountId === debit && p.amountMinor === cost.amountMinor) &&
    postings.some((p) => p.accountId === credit && p.amountMinor === -cost.amountMinor)
  );
}

/** The uncosted row of an entry with paid days left without a cost, else null. */
function uncostedRow(
  entry: EntryCopy,
  assessment: EntryAssessment,
  checkedAt: Date,
): UncostedEntry | null {
  const [first] = assessment.uncosted;
  if (!first) return null;
  return {
    entryId: entry.id,
    employeeId: entry.employeeId,
    periodType: entry.periodType,
    startTime: entry.startTime,
    endTime: entry.endTime!,
    firstDay: first.workDate,
    reason: first.reason,
    grade: first.grade,
    days: assessment.uncosted,
    checkedAt,
  };
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

/** A transaction's own fields; the rest come from its work day and cause. */
type TransactionFields = Pick<
  LedgerTransaction,
  'kind' | 'entryId' | 'employeeId' | 'reversesId' | 'rateCardId'
>;

/** A posting's account, signed amount and currency. */
type Line = [accountId: string, amountMinor: number, currency: string];

/** The transactions and postings of a plan: reversals first, then the new costs. */
function ledgerRows(plan: Plan, cause: Cause, lastClosed: string | null) {
  const recordedAt = new Date();
  const transactions: LedgerTransaction[] = [];
  const postings: Posting[] = [];
  const add = (workDate: string, fields: TransactionFields, lines: Line[]) => {
    const bookingDate = bookingDateFor(workDate, lastClosed);
    const id = uuidv7();
    transactions.push({
      id,
      workDate,
      bookingDate,
      late: bookingDate > workDate,
      occurredAt: cause.occurredAt,
      sourceEventId: cause.eventId,
      cause: cause.type,
      recordedAt,
      ...fields,
    });
    for (const [account, amountMinor, currency] of lines)
      postings.push({
        id: uuidv7(),
        transactionId: id,
        accountId: account,
        amountMinor,
        currency,
        bookingDate,
      });
  };
  for (const { tx, postings: lines } of plan.toReverse)
    add(
      tx.workDate,
      reversalOf(tx),
      lines.map((p) => [p.accountId, -p.amountMinor, p.currency]),
    );
  for (const { item, cost } of plan.toPost)
    add(cost.workDate, costOf(item.entry, cost), costLines(item.entry.employeeId, cost));
  return { transactions, postings };
}

const reversalOf = (tx: LedgerTransaction): TransactionFields => ({
  kind: 'REVERSAL',
  entryId: tx.entryId,
  employeeId: tx.employeeId,
  reversesId: tx.id,
  rateCardId: null,
});

const costOf = (entry: EntryCopy, cost: DayCost): TransactionFields => ({
  kind: 'COST',
  entryId: entry.id,
  employeeId: entry.employeeId,
  reversesId: null,
  rateCardId: cost.rateCardId,
});

/** A day's cost: debited to the cost centre, credited to the employee's payroll liability. */
const costLines = (employeeId: string, cost: DayCost): [Line, Line] => [
  [accountId('COST_CENTRE', cost.department, cost.currency), cost.amountMinor, cost.currency],
  [accountId('PAYROLL_LIABILITY', employeeId, cost.currency), -cost.amountMinor, cost.currency],
];
