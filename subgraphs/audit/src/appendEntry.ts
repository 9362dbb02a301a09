import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../../../messaging';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { eventToEntry, type EntryDraft } from './eventToEntry';
import { GENESIS_HASH, hashEntry } from './hashEntry';

/** pg_advisory_xact_lock key that serializes appends across replicas ("AUDI"). */
export const CHAIN_LOCK_KEY = 0x41554449;

/** Rows per insert statement: well inside SQLite's and PostgreSQL's bind limits. */
const INSERT_CHUNK = 200;

/**
 * Appends one entry inside the caller's transaction. The same event twice
 * gives one entry. On PostgreSQL an advisory lock held to the end of the
 * transaction serializes appends from every replica, so the chain never
 * forks; SQLite has a single writer. The unique seq is the backstop.
 */
export async function appendEntry(tx: EntityManager, draft: EntryDraft): Promise<AuditEntry> {
  const [entry] = await appendEntries(tx, [draft]);
  return entry!;
}

/**
 * Appends entries in order inside the caller's transaction, exactly as {@link appendEntry}
 * on each in turn would, with one look-up of the chain's end and of the events already
 * logged, and multi-row inserts. Answers each draft's entry, new or found.
 */
export async function appendEntries(
  tx: EntityManager,
  drafts: EntryDraft[],
): Promise<AuditEntry[]> {
  // Outside a transaction the lock would end with its statement and the chain could fork.
  if (!tx.isInTransaction()) throw new Error('appendEntry needs a transaction.');
  await lockChain(tx);
  const logged = await tx.find(
    AuditEntrySchema,
    { eventId: { $in: [...new Set(drafts.map((draft) => draft.eventId))] } },
    { disableIdentityMap: true },
  );
  const byEvent = new Map(logged.map((entry) => [entry.eventId, entry]));
  const added: AuditEntry[] = [];
  let last = await chainEnd(tx, 'desc');
  const entries = drafts.map((draft) => {
    const known = byEvent.get(draft.eventId);
    if (known) return known;
    last = chained(draft, last);
    byEvent.set(draft.eventId, last);
    added.push(last);
    return last;
  });
  // Plain inserts: nothing for the unit of work to track or flush again later.
  for (let at = 0; at < added.length; at += INSERT_CHUNK) {
    await tx.insertMany(AuditEntrySchema, added.slice(at, at + INSERT_CHUNK));
  }
  return entries;
}

/** The entry of `draft` following `last` in the chain. */
function chained(draft: EntryDraft, last: AuditEntry | null): AuditEntry {
  const unhashed = {
    id: uuidv7(),
    seq: (last?.seq ?? 0) + 1,
    recordedAt: new Date(),
    ...draft,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return { ...unhashed, hash: hashEntry(unhashed) };
}

/** Records an event in the log in its own transaction. */
export function appendEvent(em: EntityManager, event: EventEnvelope): Promise<AuditEntry> {
  const draft = eventToEntry(event);
  return em.fork().transactional((tx) => appendEntry(tx, draft));
}

/** The first ('asc') or last ('desc') entry of the chain, or null when the log is empty. */
export async function chainEnd(em: EntityManager, end: 'asc' | 'desc'): Promise<AuditEntry | null> {
  // Read-only: kept out of the identity map, so many appends in one transaction stay cheap.
  const [entry] = await em.find(
    AuditEntrySchema,
    {},
    { orderBy: { seq: end }, limit: 1, disableIdentityMap: true },
  );
  return entry ?? null;
}

/** Held to the end of `tx`'s transaction; appends and purges take it. */
export async function lockChain(tx: EntityManager): Promise<void> {
  if (tx.config.get('driver') !== PostgreSqlDriver) return;
  await tx
    .getConnection()
    .execute(
      'select pg_advisory_xact_lock(?)',
      [CHAIN_LOCK_KEY],
      'all',
      tx.getTransactionContext(),
    );
}
