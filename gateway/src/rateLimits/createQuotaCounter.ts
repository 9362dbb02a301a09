import type { RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../../../runtime/edge';
import {
  isOverLimit,
  storeKey,
  type Limiter,
  type LimiterSpec,
  type LimiterStore,
} from './createLimiterStore';
import { RateLimitedError, type QuotaState } from './RateLimitedError';

export interface QuotaCounter {
  /** The limiter of a spec, made once per name and size. */
  limiter(spec: LimiterSpec): Limiter;
  /** Counts `points` for `key`; throws RateLimitedError with `refusal` when over. */
  count(spec: LimiterSpec, key: string, points: number, refusal: string): Promise<QuotaState[]>;
}

/** A key's standing against a limiter after a count. */
const stateOf = (limiter: Limiter, res: RateLimiterRes, windowSeconds: number): QuotaState => ({
  limit: limiter.points,
  remaining: Math.max(0, res.remainingPoints),
  resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  windowSeconds,
});

/**
 * Counts against the store's limiters. One limiter per name and size: a partner with a
 * quota of its own has limiters of its own size. A count that fails (not one over the
 * limit) lets the request through rather than refuse everyone.
 */
export function createQuotaCounter(store: LimiterStore, logger: Logger): QuotaCounter {
  const limiters = new Map<string, Limiter>();
  const limiter = (spec: LimiterSpec) => {
    const key = `${spec.name}/${spec.points}`;
    let found = limiters.get(key);
    if (!found) limiters.set(key, (found = store.limiter(spec)));
    return found;
  };
  return {
    limiter,
    async count(spec, key, points, refusal) {
      const counted = limiter(spec);
      try {
        return [stateOf(counted, await counted.consume(storeKey(key), points), spec.windowSeconds)];
      } catch (error) {
        if (isOverLimit(error)) {
          throw new RateLimitedError(stateOf(counted, error, spec.windowSeconds), refusal);
        }
        // Counting failed even in memory: serve the request rather than refuse everyone.
        logger.warn({ err: error }, 'rate limit not counted');
        return [];
      }
    },
  };
}
