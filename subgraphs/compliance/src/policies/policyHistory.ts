import type { EntityManager } from '@mikro-orm/core';
import { defaultVersion, keysOf, type PolicyKind, type PolicyVersion } from '../../../../runtime';
import { PolicyVersionSchema, type StoredPolicyVersion } from './PolicyVersionSchema';

/** One version of one policy with who made it and why (both null for version 1). */
export interface PolicyRecord extends PolicyVersion {
  changedBy: string | null;
  reason: string | null;
}

const fromRow = (row: StoredPolicyVersion): PolicyRecord => ({
  kind: row.kind,
  key: row.key,
  version: row.version,
  effectiveFrom: row.effectiveFrom,
  rules: row.rules,
  changedBy: row.changedBy,
  reason: row.reason ?? null,
});

const firstVersion = (kind: PolicyKind, key: string): PolicyRecord => ({
  ...(defaultVersion(kind, key) as PolicyVersion),
  changedBy: null,
  reason: null,
});

/**
 * Every version of every policy of `kinds`, oldest first, one list per kind and key (in
 * the order of the kinds and their keys). One query: the table holds a few rows a policy.
 */
export async function readHistories(
  em: EntityManager,
  kinds: readonly PolicyKind[],
): Promise<PolicyRecord[][]> {
  const rows = await em.find(
    PolicyVersionSchema,
    { kind: { $in: [...kinds] } },
    { orderBy: { version: 'asc' } },
  );
  return kinds.flatMap((kind) =>
    keysOf(kind).map((key) => [
      firstVersion(kind, key),
      ...rows.filter((row) => row.kind === kind && row.key === key).map(fromRow),
    ]),
  );
}

/** Every version of one policy, oldest first: version 1, then the stored ones. */
export async function readHistory(
  em: EntityManager,
  kind: PolicyKind,
  key: string,
): Promise<PolicyRecord[]> {
  const rows = await em.find(PolicyVersionSchema, { kind, key }, { orderBy: { version: 'asc' } });
  return [firstVersion(kind, key), ...rows.map(fromRow)];
}

/**
 * The version in force at `at`: the newest whose `effectiveFrom` is not after it. Each
 * version starts after the one before, so that is the last such in version order; before
 * the epoch the defaults stand.
 */
export function inForceAt(history: readonly PolicyRecord[], at: Date): PolicyRecord {
  const started = history.filter((record) => record.effectiveFrom.getTime() <= at.getTime());
  return started[started.length - 1] ?? history[0]!;
}

/** The newest version, scheduled or not: the one a change builds on. */
export const newestOf = (history: readonly PolicyRecord[]): PolicyRecord =>
  history[history.length - 1]!;

/**
 * The version of one policy in force at `at`, from compliance's own store: what a finding
 * judged at that instant names.
 */
export async function policyInForceAt<K extends PolicyKind>(
  em: EntityManager,
  kind: K,
  key: string,
  at: Date,
): Promise<PolicyVersion<K>> {
  return versionInForceAt<K>(await readHistory(em, kind, key), at);
}

/** The version in force at `at` of a policy's history, without who made it and why. */
export function versionInForceAt<K extends PolicyKind>(
  history: readonly PolicyRecord[],
  at: Date,
): PolicyVersion<K> {
  const { changedBy: _by, reason: _why, ...version } = inForceAt(history, at);
  return version as PolicyVersion<K>;
}
