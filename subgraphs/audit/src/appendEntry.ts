import type { EntityDictionary, EntityManager } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { findIn, mapRows, sqlTable } from '../../../runtime';
import { insertRows, type EventEnvelope } from '../../../messaging';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { eventToEntry, type EntryDraft } from './eventToEntry';
import { GENESIS_HASH, hashEntry } from './hashEntry';

/** First key of each chain's pg_advisory_xact_lock (the second is the chain): "AUDI". */
export const CHAIN_LOCK_KEY = 0x41554449;

/**
 * How many chains appends may use at once: as many replicas append side by side, each on a
 * chain no other holds. A lone appender always finds chain 0 free, so one replica (and
 * SQLite, which has a single writer) keeps one chain.
 */
export const CHAINS = 8;

// Read-only: kept out of the identity map, so many appends in one transaction stay cheap.
const READ_ONLY = { disableIdentityMap: true };

/**
 * Appends one entry inside the caller's transaction. The same event twice
 * gives one entry. On PostgreSQL the append holds the lock of a chain no other
 * transaction holds to its end, so no chain forks and replicas never wait on
 * each other; SQLite has a single writer. The unique (chain, seq) is the backstop.
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
  const chain = await takeChain(tx);
  const eventIds = drafts.map((draft) => draft.eventId);
  const logged = await findIn(tx, AuditEntrySchema, 'eventId', eventIds, READ_ONLY);
  const byEvent = new Map(logged.map((entry) => [entry.eventId, entry]));
  const added: AuditEntry[] = [];
  let last = await chainEnd(tx, 'desc', chain);
  const entries = drafts.map((draft) => {
    const known = byEvent.get(draft.eventId);
    if (known) return known;
    last = chained(draft, last, chain);
    byEvent.set(draft.eventId, last);
    added.push(last);
    return last;
  });
  // Plain rows: nothing for the unit of work to track, and on PostgreSQL one array per
  // column instead of every value written into the statement (6 ms per hundred entries).
  await insertRows(tx, AuditEntrySchema, added);
  return entries;
}

/** The entry of `draft` following `last` in `chain`. */
function chained(draft: EntryDraft, last: AuditEntry | null, chain: number): AuditEntry {
  const unhashed = {
    id: uuidv7(),
    chain,
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

/** The first ('asc') or last ('desc') entry of a chain, or null when it has none. */
export async function chainEnd(
  em: EntityManager,
  end: 'asc' | 'desc',
  chain: number,
): Promise<AuditEntry | null> {
  const table = sqlTable(em, AuditEntrySchema.meta.className);
  const rows: EntityDictionary<AuditEntry>[] = await em
    .getConnection()
    .execute(
      `select * from ${table} where chain = ? order by seq ${end} limit 1`,
      [chain],
      'all',
      em.getTransactionContext(),
    );
  const [entry] = mapRows(em, AuditEntrySchema, rows, READ_ONLY);
  return entry ?? null;
}

const onPostgres = (tx: EntityManager) => tx.config.get('driver') === PostgreSqlDriver;

const lockQuery = (tx: EntityManager, sql: string, chain: number) =>
  tx
    .getConnection()
    .execute<{ locked?: boolean }[]>(
      sql,
      [CHAIN_LOCK_KEY, chain],
      'all',
      tx.getTransactionContext(),
    );

/**
 * The chain this transaction appends to, locked to its end: the first no other
 * transaction holds, or chain 0 after waiting when all are held.
 */
async function takeChain(tx: EntityManager): Promise<number> {
  if (!onPostgres(tx)) return 0;
  for (let chain = 0; chain < CHAINS; chain += 1) {
    const [row] = await lockQuery(tx, 'select pg_try_advisory_xact_lock(?, ?) as locked', chain);
    if (row?.locked) return chain;
  }
  await lockQuery(tx, 'select pg_advisory_xact_lock(?, ?)', 0);
  return 0;
}

/**
 * Every chain's lock, held to the end of `tx`'s transaction, taken in order; a purge takes
 * them. An append never waits while holding one, so the two cannot deadlock.
 */
export async function lockAllChains(tx: EntityManager): Promise<void> {
  if (!onPostgres(tx)) return;
  for (let chain = 0; chain < CHAINS; chain += 1)
    await lockQuery(tx, 'select pg_advisory_xact_lock(?, ?)', chain);
}

/** The chains that hold entries, in order (read in `em`'s transaction, if any). */
export async function chainsInUse(em: EntityManager): Promise<number[]> {
  const table = sqlTable(em, AuditEntrySchema.meta.className);
  const rows: { chain: number }[] = await em
    .getConnection()
    .execute(
      `select distinct chain from ${table} order by chain`,
      [],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((row) => Number(row.chain));
}
