import { OptimisticLockError } from '@mikro-orm/core';
import { DomainError, ErrorCode, badInput } from './errors';

/**
 * A stale `expectedVersion`: CONFLICT with reason VERSION_CONFLICT, the same in every domain,
 * so a client reads the record again whatever it was.
 */
export const staleVersion = (what: string, expected: number, actual: number): DomainError =>
  new DomainError(
    ErrorCode.CONFLICT,
    `${what} changed since version ${expected}; it is now at version ${actual}.`,
    'VERSION_CONFLICT',
    { field: 'expectedVersion', extensions: { expectedVersion: expected, actualVersion: actual } },
  );

/** Someone else's write won the race between our read and our write. */
export const concurrentChange = (what: string, cause?: unknown): DomainError =>
  new DomainError(
    ErrorCode.CONFLICT,
    `${what} was changed by someone else meanwhile; read it again.`,
    'VERSION_CONFLICT',
    { field: 'expectedVersion', cause },
  );

/**
 * Checks an optional `expectedVersion` against the record's: absent passes; below 1 is bad
 * input; any other mismatch is {@link staleVersion}.
 */
export function checkExpectedVersion(
  what: string,
  expected: number | null | undefined,
  actual: number,
): void {
  if (expected === null || expected === undefined) return;
  if (!Number.isInteger(expected) || expected < 1)
    throw badInput('expectedVersion', 'expectedVersion must be a whole number, 1 or more.');
  if (expected !== actual) throw staleVersion(what, expected, actual);
}

/** Runs a write; MikroORM's lost race on a versioned entity becomes {@link concurrentChange}. */
export async function withOptimisticLock<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw concurrentChange(what, error);
    throw error;
  }
}
