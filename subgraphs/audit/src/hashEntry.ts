import crypto from 'node:crypto';
import { RECORDED_FIELDS, type AuditEntry } from './entities';

/** prevHash of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: all but the hashes themselves. Changing this list breaks every chain. */
const HASHED_FIELDS = ['id', 'seq', ...RECORDED_FIELDS] as const;

/**
 * JSON with object keys sorted at every depth: one text per value, whatever the key order.
 * Written out by hand, not with entries, filter and map: every entry is hashed once on
 * append and once on each verification.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${out}}`;
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
