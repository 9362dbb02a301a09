import type { EntityManager } from '@mikro-orm/core';
import { chainEnd } from './appendEntry';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { GENESIS_HASH, hashEntry } from './hashEntry';
import { occurredIn, type TimeRange } from './queries';

/** Entries read per query while verifying, so a large log never sits in memory. */
export const VERIFY_BATCH = 500;

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstInvalidId: string | null;
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
