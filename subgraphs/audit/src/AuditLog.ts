import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../../../messaging/src/types';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { eventToEntry, type EntryDraft } from './eventToEntry';

/** prevHash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** pg_advisory_xact_lock key that serializes appends across replicas ("AUDI"). */
export const CHAIN_LOCK_KEY = 0x41554449;

/** Entries read per query while verifying, so a large log never sits in memory. */
export const VERIFY_BATCH = 500;

/** JSON with object keys sorted at every depth: one text per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields a hash covers: all but the hashes themselves. Changing this list breaks every chain. */
const HASHED_FIELDS = [
  'id',
  'seq',
  'occurredAt',
  'recordedAt',
  'actorId',
  'action',
  'logType',
  'entityType',
  'entityId',
  'subgraph',
  'status',
  'oldValues',
  'newValues',
  'requestId',
  'correlationId',
  'eventId',
] as const;

/** sha256 over the previous hash and a canonical JSON of the entry's fields. */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = Object.fromEntries(HASHED_FIELDS.map((key) => [key, entry[key] ?? null]));
  return crypto
    .createHash('sha256')
    .update(entry.prevHash)
    .update(canonicalJson(fields))
    .digest('hex');
}

/**
 * Appends one entry inside the caller's transaction. The same event twice
 * gives one entry. On PostgreSQL an advisory lock held to the end of the
 * transaction serializes appends from every replica, so the chain never
 * forks; SQLite has a single writer. The unique seq is the backstop.
 */
export async function appendEntry(tx: EntityManager, draft: EntryDraft): Promise<AuditEntry> {
  // Outside a transaction the lock would end with its statement and the chain could fork.
  if (!tx.isInTransaction()) throw new Error('appendEntry needs a transaction.');
  await lockChain(tx);
  const existing = await tx.findOne(
    AuditEntrySchema,
    { eventId: draft.eventId },
    { disableIdentityMap: true },
  );
  if (existing) return existing;
  const last = await chainEnd(tx, 'desc');
  const unhashed = {
    id: uuidv7(),
    seq: (last?.seq ?? 0) + 1,
    recordedAt: new Date(),
    ...draft,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...unhashed, hash: hashEntry(unhashed) };
  // A plain insert: nothing for the unit of work to track or flush again later.
  await tx.insert(AuditEntrySchema, entry);
  return entry;
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

/** Records an event in the log in its own transaction. */
export function appendEvent(em: EntityManager, event: EventEnvelope): Promise<AuditEntry> {
  const draft = eventToEntry(event);
  return em.fork().transactional((tx) => appendEntry(tx, draft));
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

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstInvalidId: string | null;
}

export interface TimeRange {
  from?: Date;
  to?: Date;
}

/**
 * Walks the entries (of a time range) in chain order, recomputing each hash
 * and checking it links to the entry before. The first remaining entry after
 * a purge is the anchor: its prevHash is taken as given.
 */
export async function verifyChain(
  em: EntityManager,
  range: TimeRange = {},
  batchSize = VERIFY_BATCH,
): Promise<ChainVerification> {
  const reader = em.fork();
  const head = await chainEnd(reader, 'asc');
  let previous: AuditEntry | null = null;
  let checked = 0;
  for (let afterSeq = 0; ;) {
    const batch = await reader.find(
      AuditEntrySchema,
      { ...occurredIn(range), seq: { $gt: afterSeq } },
      { orderBy: { seq: 'asc' }, limit: batchSize },
    );
    for (const entry of batch) {
      checked += 1;
      const expectedPrev = await expectedPrevHash(reader, entry, previous, head);
      if (entry.prevHash !== expectedPrev || hashEntry(entry) !== entry.hash) {
        return { valid: false, checked, firstInvalidId: entry.id };
      }
      previous = entry;
    }
    if (batch.length < batchSize) return { valid: true, checked, firstInvalidId: null };
    afterSeq = batch[batch.length - 1].seq;
    reader.clear();
  }
}

/** The hash an entry must link to; undefined when its predecessor is missing mid-chain. */
async function expectedPrevHash(
  reader: EntityManager,
  entry: AuditEntry,
  previous: AuditEntry | null,
  head: AuditEntry | null,
): Promise<string | undefined> {
  if (entry.seq === head?.seq) return entry.seq === 1 ? GENESIS_HASH : entry.prevHash;
  if (previous?.seq === entry.seq - 1) return previous.hash;
  const before = await reader.findOne(AuditEntrySchema, { seq: entry.seq - 1 });
  return before?.hash;
}

export function occurredIn(range: TimeRange): Record<string, unknown> {
  const occurredAt: Record<string, Date> = {};
  if (range.from) occurredAt.$gte = range.from;
  if (range.to) occurredAt.$lte = range.to;
  return Object.keys(occurredAt).length ? { occurredAt } : {};
}
