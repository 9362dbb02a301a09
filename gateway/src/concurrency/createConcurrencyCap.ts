import { BulkheadRejectedError, bulkhead, type BulkheadPolicy } from 'cockatiel';
import type { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { rateLimited } from '../../../runtime/edge';
import { asRequestError } from '../errors/asRequestError';

export interface ConcurrencyOptions {
  /** Operations of one identity running at once in this process (default 8). */
  maxPerIdentity?: number;
  /** Operations of one identity waiting for a slot; one more is refused with 429 (default 64). */
  queuePerIdentity?: number;
  /** The `Retry-After` a refused client is given, in seconds (default 1). */
  retryAfterSeconds?: number;
}

/**
 * Defaults. A browser page sends a handful of operations at once (six connections per
 * host over HTTP/1.1), so 8 running serve one person without waiting; 64 waiting
 * absorbs a script's burst. Beyond that one identity would only hold up the process.
 */
export const DEFAULT_CONCURRENCY: Required<ConcurrencyOptions> = {
  maxPerIdentity: 8,
  queuePerIdentity: 64,
  retryAfterSeconds: 1,
};

export interface ConcurrencyCap {
  /** Runs `work` in the identity's slots, waiting in its queue; throws a 429 when that is full. */
  run<T>(identity: string, work: () => Promise<T>): Promise<T>;
  /** Identities with work running or waiting now. */
  identities(): number;
}

interface Entry {
  bulkhead: BulkheadPolicy;
  /** Operations running or waiting; the entry is dropped at 0. */
  users: number;
}

/**
 * A per-identity concurrency cap: one cockatiel bulkhead per identity, made on its first
 * operation and dropped when it has none left, so the map holds only active identities.
 */
export function createConcurrencyCap(options: ConcurrencyOptions = {}): ConcurrencyCap {
  const settings = { ...DEFAULT_CONCURRENCY };
  for (const [key, value] of Object.entries(options) as [keyof ConcurrencyOptions, unknown][]) {
    if (value === undefined) continue;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < (key === 'queuePerIdentity' ? 0 : 1)
    ) {
      throw new TypeError(`Concurrency option ${key} must be a positive integer.`);
    }
    settings[key] = value;
  }
  const entries = new Map<string, Entry>();
  return {
    async run(identity, work) {
      let entry = entries.get(identity);
      if (!entry) {
        entry = {
          bulkhead: bulkhead(settings.maxPerIdentity, settings.queuePerIdentity),
          users: 0,
        };
        entries.set(identity, entry);
      }
      entry.users += 1;
      try {
        return await entry.bulkhead.execute(work);
      } catch (error) {
        if (error instanceof BulkheadRejectedError) throw tooMany(settings.retryAfterSeconds);
        throw error;
      } finally {
        entry.users -= 1;
        if (entry.users === 0) entries.delete(identity);
      }
    },
    identities: () => entries.size,
  };
}

/** RATE_LIMITED, answered with HTTP 429 and `Retry-After`. */
function tooMany(retryAfterSeconds: number): GraphQLError {
  const error = rateLimited(
    'Too many operations of yours are running or waiting; retry shortly.',
    retryAfterSeconds,
  );
  return asRequestError(error, new HeaderMap([['retry-after', String(retryAfterSeconds)]]));
}
