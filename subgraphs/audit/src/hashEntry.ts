import crypto from 'node:crypto';
import { RECORDED_FIELDS, type AuditEntry } from './entities';

/** prevHash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: all but the hashes themselves. Changing this list breaks every chain. */
const HASHED_FIELDS = ['id', 'seq', ...RECORDED_FIELDS] as const;

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

/**
 * sha256 over the previous hash and a canonical JSON of the entry's fields. The chain is
 * among them from chain 1 on; chain 0's entries hash as before there were chains, so a log
 * written then still verifies.
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const fields: Record<string, unknown> = Object.fromEntries(
    HASHED_FIELDS.map((key) => [key, entry[key] ?? null]),
  );
  if (entry.chain) fields.chain = entry.chain;
  return crypto
    .createHash('sha256')
    .update(entry.prevHash)
    .update(canonicalJson(fields))
    .digest('hex');
}
