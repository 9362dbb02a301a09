import { UniqueConstraintViolationException, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { findById } from './findRows';
import { tableEntity } from './uuidEntity';

export const IdempotencyRecordSchema = tableEntity(
  'IdempotencyRecord',
  'idempotency_keys',
  (p) => ({
    /** `<operation>:<caller>:<key>`: a key is private to its caller and operation. */
    id: p.string().primary().length(400),
    resultId: p.string(),
    createdAt: p.datetime(),
  }),
);
/** The first result of a create that carried an `idempotencyKey`. */
export type IdempotencyRecord = InferEntity<typeof IdempotencyRecordSchema>;

/**
 * Runs `create` once per key: the same key again returns the first result's id
 * and creates nothing. `create` runs inside the transaction that stores the
 * key, so a failed create leaves the key free for a retry.
 */
export async function once(
  em: EntityManager,
  scope: { operation: string; caller: string; key?: string | null },
  create: (tx: EntityManager) => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (!scope.key) return { id: await em.transactional((tx) => create(tx)), replayed: false };
  const id = `${scope.operation}:${scope.caller}:${scope.key}`;
  const existing = await findById(em.fork(), IdempotencyRecordSchema, id);
  if (existing) return { id: existing.resultId, replayed: true };
  try {
    const resultId = await em.transactional(async (tx) => {
      const result = await create(tx);
      tx.persist(
        tx.create(IdempotencyRecordSchema, { id, resultId: result, createdAt: new Date() }),
      );
      return result;
    });
    return { id: resultId, replayed: false };
  } catch (error) {
    // Two requests with one key at once: the loser returns the winner's result.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await findById(em.fork(), IdempotencyRecordSchema, id);
    if (!winner) throw error;
    return { id: winner.resultId, replayed: true };
  }
}

/** Longest idempotency key a create takes. */
export const MAX_IDEMPOTENCY_KEY = 200;

/**
 * A create's `idempotencyKey`: trimmed, null when absent or blank. A longer one than
 * {@link MAX_IDEMPOTENCY_KEY} is refused with the domain's own `invalid`.
 */
export function readIdempotencyKey(
  value: unknown,
  invalid: (field: string, message: string) => Error,
): string | null {
  const key = typeof value === 'string' ? value.trim() : '';
  if (key.length > MAX_IDEMPOTENCY_KEY)
    throw invalid(
      'idempotencyKey',
      `idempotencyKey must be at most ${MAX_IDEMPOTENCY_KEY} characters.`,
    );
  return key || null;
}
