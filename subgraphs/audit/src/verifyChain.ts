import type { EntityManager } from '@mikro-orm/core';
import { chainEnd, chainsInUse } from './appendEntry';
import { AuditEntrySchema, type AuditEntry } from './entities';
import { GENESIS_HASH, hashEntry } from './hashEntry';
import { occurredIn, type TimeRange } from './queries';

/** Entries read per query while verifying, so a large log never sits in memory. */
export const VERIFY_BATCH = 500;

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstInvalidId: string | null;
  /** How many chains the log holds; each was walked. */
  chains: number;
}

/**
 * Walks each chain's entries (of a time range) in chain order, recomputing each hash and
 * checking it links to the entry before in its chain. The log is intact when every chain is.
 * The first remaining entry of a chain after a purge is its anchor: its prevHash is taken as
 * given.
 */
export async function verifyChain(
  em: EntityManager,
  range: TimeRange = {},
  batchSize = VERIFY_BATCH,
): Promise<ChainVerification> {
  const reader = em.fork();
  const chains = await chainsInUse(reader);
  let checked = 0;
  for (const chain of chains) {
    const result = await verifyOneChain(reader, chain, range, batchSize);
    checked += result.checked;
    if (result.firstInvalidId)
      return {
        valid: false,
        checked,
        firstInvalidId: result.firstInvalidId,
        chains: chains.length,
      };
  }
  return { valid: true, checked, firstInvalidId: null, chains: chains.length };
}

async function verifyOneChain(
  reader: EntityManager,
  chain: number,
  range: TimeRange,
  batchSize: number,
): Promise<{ checked: number; firstInvalidId: string | null }> {
  const head = await chainEnd(reader, 'asc', chain);
  let previous: AuditEntry | null = null;
  let checked = 0;
  for (let afterSeq = 0; ;) {
    const batch = await reader.find(
      AuditEntrySchema,
      { ...occurredIn(range), chain, seq: { $gt: afterSeq } },
      { orderBy: { seq: 'asc' }, limit: batchSize },
    );
    for (const entry of batch) {
      checked += 1;
      const expectedPrev = await expectedPrevHash(reader, entry, previous, head);
      if (entry.prevHash !== expectedPrev || hashEntry(entry) !== entry.hash) {
        return { checked, firstInvalidId: entry.id };
      }
      previous = entry;
    }
    if (batch.length < batchSize) return { checked, firstInvalidId: null };
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
  const before = await reader.findOne(AuditEntrySchema, { chain: entry.chain, seq: entry.seq - 1 });
  return before?.hash;
}
