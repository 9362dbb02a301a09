import type { EntitySchema, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { RateBook } from './costing';
import { EmployeeCopySchema, EntryCopySchema, type EmployeeCopy, type EntryCopy } from './entities';
import { lockForPosting, rateBookFor } from './ledger';
import { directWriter, type LedgerWriter } from './repost';

/**
 * What a time entry event reads and writes. The event's logic is written once against it;
 * {@link directStore} goes to the database each time, a `LedgerBatch` serves many events.
 */
export interface LedgerStore extends LedgerWriter {
  em: EntityManager;
  /** Guards installed, and the employees locked for posting. */
  prepare(employeeIds: string[]): Promise<void>;
  entry(id: string): Promise<EntryCopy | null>;
  /** Writes the entry's copy (`exists`: it has one already). */
  saveEntry(entry: EntryCopy, exists: boolean): Promise<void>;
  employee(id: string): Promise<EmployeeCopy | null>;
  rates(employees: (EmployeeCopy | null)[]): Promise<RateBook>;
  /** Before a known entry is re-costed: everything written of it can be read back. */
  settle(entryId: string): Promise<void>;
}

/** A copy as stored, outside the identity map (the handler writes with native statements). */
export const storedCopy = <T extends { id: string }>(
  em: EntityManager,
  schema: EntitySchema<T>,
  id: string,
): Promise<T | null> =>
  em.findOne(schema, { id } as FilterQuery<T>, { disableIdentityMap: true }) as Promise<T | null>;

/** Reads and writes straight to the database, in the caller's transaction. */
export const directStore = (em: EntityManager): LedgerStore => ({
  em,
  ...directWriter(em),
  async prepare(employeeIds) {
    await lockForPosting(em, employeeIds);
  },
  entry: (id) => storedCopy(em, EntryCopySchema, id),
  async saveEntry({ id, ...fields }, exists) {
    if (exists) await em.nativeUpdate(EntryCopySchema, { id }, fields);
    else await em.insert(EntryCopySchema, { id, ...fields });
  },
  employee: (id) => storedCopy(em, EmployeeCopySchema, id),
  rates: (employees) => rateBookFor(em, employees),
  settle: async () => undefined,
});
