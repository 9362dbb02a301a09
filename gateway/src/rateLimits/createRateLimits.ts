import type { RateLimiterRes } from 'rate-limiter-flexible';
import type { Identity, Logger } from '../../../runtime/edge';
import { createLimiterStore, isOverLimit, storeKey, type LimiterSpec } from './createLimiterStore';
import { createQuotaCounter, type QuotaCounter } from './createQuotaCounter';
import { RateLimitedError, type QuotaState } from './RateLimitedError';
import type { AuthFailureLimit, RateLimitOptions } from './RateLimitOptions';
import { identityKey, quotaOf, resolveQuotas, type ResolvedQuotas } from './resolveQuotas';

export interface RateLimits {
  /**
   * Before a request's token is read: refuses an address blocked for failed sign-ins,
   * and counts the request against the address's quota.
   */
  admitAddress(address: string): Promise<QuotaState[]>;
  /** Counts a failed authentication from the address; past the limit, it is blocked. */
  recordAuthFailure(address: string): Promise<void>;
  /** Counts a request against the identity's quota (a partner's client's, for PARTNER). */
  admitIdentity(identity: Identity): Promise<QuotaState[]>;
  /** Charges a resolved operation's cost to the address and the identity. */
  chargeCost(address: string, identity: Identity | null, cost: number): Promise<QuotaState[]>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The request and cost counters of a quota, over the window. */
const specs = (window: number) => ({
  requests: (name: string, points: number): LimiterSpec => ({
    name: `${name}-requests`,
    points,
    windowSeconds: window,
  }),
  cost: (name: string, points: number): LimiterSpec => ({
    name: `${name}-cost`,
    points,
    windowSeconds: window,
  }),
  perWindow: (points: number) => `at most ${points} per ${window} s`,
});

/** Refuses an address with as many failed sign-ins as the limit, until its block ends. */
function refuseIfBlocked(failures: RateLimiterRes | null, auth: AuthFailureLimit): void {
  if (!failures || failures.consumedPoints < auth.limit) return;
  const quota = {
    limit: auth.limit,
    remaining: 0,
    resetSeconds: Math.max(1, Math.ceil(failures.msBeforeNext / 1000)),
    windowSeconds: auth.windowSeconds,
  };
  throw new RateLimitedError(quota, 'Too many failed sign-ins from this address.');
}

/**
 * Charges an operation's cost to the address and, when signed in, the identity. One
 * operation can use up a window at most, however far over the quota it goes.
 */
async function chargeCost(
  counter: QuotaCounter,
  quotas: ResolvedQuotas,
  charge: { from: string; who: Identity | null; spent: number },
): Promise<QuotaState[]> {
  const { from, who, spent } = charge;
  if (!(spent > 0)) return [];
  const { cost, perWindow } = specs(quotas.window);
  const { address } = quotas;
  const charges = [
    counter.count(
      cost('address', address.cost),
      from,
      Math.min(spent, address.cost),
      `Too much work asked from this address: cost ${perWindow(address.cost)}.`,
    ),
  ];
  if (who) {
    const quota = quotaOf(quotas, who);
    charges.push(
      counter.count(
        cost('identity', quota.cost),
        identityKey(who),
        Math.min(spent, quota.cost),
        `Too much work asked: cost ${perWindow(quota.cost)}.`,
      ),
    );
  }
  return (await Promise.all(charges)).flat();
}

/**
 * Request, cost and failed sign-in quotas per identity and per client address, counted
 * with rate-limiter-flexible in memory or in PostgreSQL (see {@link RateLimitOptions}).
 */
export function createRateLimits(options: RateLimitOptions, logger: Logger): RateLimits {
  const quotas = resolveQuotas(options);
  const { address, auth } = quotas;
  const store = createLimiterStore(options.store ?? { kind: 'memory' }, logger);
  const counter = createQuotaCounter(store, logger);
  const { requests, perWindow } = specs(quotas.window);
  // The limiter blocks the count that goes over its points: the limit-th failure.
  const authLimiter = counter.limiter({
    name: 'auth-failures',
    points: auth.limit - 1,
    windowSeconds: auth.windowSeconds,
    blockSeconds: auth.blockSeconds,
  });

  return {
    async admitAddress(from) {
      // Both at once: one round trip to the store rather than two.
      const [failures, states] = await Promise.all([
        authLimiter.get(storeKey(from)).catch(() => null),
        counter.count(
          requests('address', address.requests),
          from,
          1,
          `Too many requests from this address: ${perWindow(address.requests)}.`,
        ),
      ]);
      refuseIfBlocked(failures, auth);
      return states;
    },
    async recordAuthFailure(from) {
      await authLimiter.consume(storeKey(from)).catch((error: unknown) => {
        if (!isOverLimit(error)) logger.warn({ err: error }, 'failed sign-in not counted');
      });
    },
    admitIdentity(who) {
      const quota = quotaOf(quotas, who);
      return counter.count(
        requests('identity', quota.requests),
        identityKey(who),
        1,
        `Too many requests: ${perWindow(quota.requests)}.`,
      );
    },
    chargeCost: (from, who, spent) => chargeCost(counter, quotas, { from, who, spent }),
    start: () => store.start(),
    close: () => store.close(),
  };
}
