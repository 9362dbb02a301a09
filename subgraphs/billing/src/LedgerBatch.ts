import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { chunks, findIn } from '../../../runtime';
import { RateBook } from './costing';
import { storedCopy, type LedgerStore } from './directStore';
import {
  EmployeeCopySchema,
  EntryCopySchema,
  PostingSchema,
  RateCardSchema,
  TransactionSchema,
  UncostedEntrySchema,
  type EmployeeCopy,
  type EntryCopy,
  type LedgerTransaction,
  type Posting,
  type RateCard,
  type UncostedEntry,
} from './entities';
import {
  accountId,
  ensureAccounts,
  lastClosedDay,
  lockForPosting,
  type AccountSpec,
} from './ledger';

/** What a batch has written to its buffers and not yet to the database. */
interface Pending {
  accounts: AccountSpec[];
  entries: EntryCopy[];
  uncosted: UncostedEntry[];
  transactions: LedgerTransaction[];
  postings: Posting[];
}

const nothingPending = (): Pending => ({
  accounts: [],
  entries: [],
  uncosted: [],
  transactions: [],
  postings: [],
});

/**
 * The store of many events in one transaction. Reads that no event of the batch changes
 * behind its back are made once: locks, the last close, rate cards, and the copies
 * of the batch's entries and employees (kept up to date as events change them). Inserts of
 * new rows wait in buffers and go in a few multi-row statements. Whatever must read rows
 * back from the database (a known entry's live costs, an employee event) flushes first, so
 * every event sees what it would have seen alone.
 */
export class LedgerBatch implements LedgerStore {
  private readonly entries = new Map<string, EntryCopy | null>();
  private readonly employees = new Map<string, EmployeeCopy | null>();
  private readonly locked = new Set<string>();
  private readonly cards: RateCard[] = [];
  private readonly cardGrades = new Set<string>();
  private book = new RateBook([]);
  private closed: { day: string | null } | undefined;
  /** Accounts asked for: once asked, an account exists for every later event. */
  private readonly accounts = new Set<string>();
  private pending = nothingPending();
  /** Entries with rows still in the buffers. */
  private readonly unsettled = new Set<string>();

  private constructor(readonly em: EntityManager) {}

  /** Locks the employees and loads the entries and employees the batch's events name. */
  static async open(
    em: EntityManager,
    entryIds: string[],
    employeeIds: string[],
  ): Promise<LedgerBatch> {
    const batch = new LedgerBatch(em);
    await batch.prepare(employeeIds);
    await batch.load(entryIds, employeeIds);
    return batch;
  }

  private async load(entryIds: string[], employeeIds: string[]): Promise<void> {
    const entries = await this.findByIds(EntryCopySchema, entryIds);
    for (const id of entryIds) this.entries.set(id, null);
    for (const entry of entries) this.entries.set(entry.id, entry);
    const ids = [...employeeIds, ...entries.map((e) => e.employeeId)];
    const employees = await this.findByIds(EmployeeCopySchema, ids);
    for (const id of ids) this.employees.set(id, null);
    for (const employee of employees) this.employees.set(employee.id, employee);
  }

  private async findByIds<T extends { id: string }>(
    schema: EntitySchema<T>,
    ids: string[],
  ): Promise<T[]> {
    const found: T[] = [];
    for (const chunk of chunks([...new Set(ids)]))
      found.push(...(await findIn(this.em, schema, 'id', chunk, { disableIdentityMap: true })));
    return found;
  }

  async prepare(employeeIds: string[]): Promise<void> {
    const missing = [...new Set(employeeIds)].filter((id) => !this.locked.has(id));
    if (!missing.length) return;
    await lockForPosting(this.em, missing);
    for (const id of missing) this.locked.add(id);
  }

  async entry(id: string): Promise<EntryCopy | null> {
    if (!this.entries.has(id)) this.entries.set(id, await storedCopy(this.em, EntryCopySchema, id));
    return this.entries.get(id) ?? null;
  }

  async saveEntry(entry: EntryCopy, exists: boolean): Promise<void> {
    this.entries.set(entry.id, entry);
    if (!exists) return this.buffer(entry.id, { entries: [entry] });
    await this.settle(entry.id);
    const { id, ...fields } = entry;
    await this.em.nativeUpdate(EntryCopySchema, { id }, fields);
  }

  async employee(id: string): Promise<EmployeeCopy | null> {
    if (!this.employees.has(id))
      this.employees.set(id, await storedCopy(this.em, EmployeeCopySchema, id));
    return this.employees.get(id) ?? null;
  }

  /** The copy an employee event has just written. */
  employeeChanged(copy: EmployeeCopy): void {
    this.employees.set(copy.id, copy);
  }

  /** Cards of every grade asked for so far; a grade not asked for before costs one query. */
  async rates(employees: (EmployeeCopy | null)[]): Promise<RateBook> {
    const grades = employees.flatMap((e) => e?.grades.map((g) => g.value) ?? []);
    const missing = [...new Set(grades)].filter((grade) => !this.cardGrades.has(grade));
    if (!missing.length) return this.book;
    const cards = await this.em.find(
      RateCardSchema,
      { grade: { $in: missing } },
      { disableIdentityMap: true },
    );
    for (const grade of missing) this.cardGrades.add(grade);
    this.cards.push(...cards);
    this.book = new RateBook(this.cards);
    return this.book;
  }

  async settle(entryId: string): Promise<void> {
    if (this.unsettled.has(entryId)) await this.flush();
  }

  /** Read once: the batch holds the close lock shared, so no day closes meanwhile. */
  async lastClosedDay(): Promise<string | null> {
    this.closed ??= { day: await lastClosedDay(this.em) };
    return this.closed.day;
  }

  async ensureAccounts(specs: AccountSpec[]): Promise<void> {
    for (const spec of specs) {
      const id = accountId(spec.kind, spec.ownerKey, spec.currency);
      // The first event to ask opens it; later ones (another name) find it there.
      if (this.accounts.has(id)) continue;
      this.accounts.add(id);
      this.pending.accounts.push(spec);
    }
  }

  async recordUncosted(entryIds: string[], rows: UncostedEntry[]): Promise<void> {
    if (entryIds.length) {
      if (entryIds.some((id) => this.unsettled.has(id))) await this.flush();
      await this.em.nativeDelete(UncostedEntrySchema, { entryId: { $in: entryIds } });
    }
    for (const row of rows) this.buffer(row.entryId, { uncosted: [row] });
  }

  async insertLedger(transactions: LedgerTransaction[], postings: Posting[]): Promise<void> {
    for (const tx of transactions) this.unsettled.add(tx.entryId);
    this.pending.transactions.push(...transactions);
    this.pending.postings.push(...postings);
  }

  private buffer(entryId: string, rows: Partial<Pending>): void {
    this.unsettled.add(entryId);
    this.pending.entries.push(...(rows.entries ?? []));
    this.pending.uncosted.push(...(rows.uncosted ?? []));
  }

  /** Writes the buffers, a few multi-row statements per table. */
  async flush(): Promise<void> {
    const { accounts, entries, uncosted, transactions, postings } = this.pending;
    this.pending = nothingPending();
    this.unsettled.clear();
    for (const chunk of chunks(accounts)) await ensureAccounts(this.em, chunk);
    for (const chunk of chunks(entries)) await this.em.insertMany(EntryCopySchema, chunk);
    for (const chunk of chunks(uncosted)) await this.em.insertMany(UncostedEntrySchema, chunk);
    // Postings first: on SQLite a transaction row seals its postings (see the ledger guards' migration).
    for (const chunk of chunks(postings)) await this.em.insertMany(PostingSchema, chunk);
    for (const chunk of chunks(transactions)) await this.em.insertMany(TransactionSchema, chunk);
  }
}
