import type { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../../../runtime/src/errors';
import type { Identity } from '../../../runtime/src/identity';
import type { Logger } from '../../../runtime/src/logger';
import {
  createLimiterStore,
  isOverLimit,
  storeKey,
  type Limiter,
  type LimiterSpec,
} from './createLimiterStore';
import { DEFAULT_RATE_LIMITS, type Quota, type RateLimitOptions } from './RateLimitOptions';

/** Where a caller stands against one quota after a count. */
export interface QuotaState {
  /** Points of the quota per window. */
  limit: number;
  /** Points left in this window. */
  remaining: number;
  /** Seconds until the window (or a block) ends. */
  resetSeconds: number;
  /** Length of the quota's window, in seconds. */
  windowSeconds: number;
}

/** A request refused by a rate limit: HTTP 429, `RATE_LIMITED`, retry after the time it names. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  constructor(
    readonly quota: QuotaState,
    message: string,
  ) {
    super(ErrorCode.RATE_LIMITED, `${message} Retry after ${quota.resetSeconds} s.`, undefined, {
      extensions: { retryAfterSeconds: quota.resetSeconds },
    });
  }
}

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

const stateOf = (limiter: Limiter, res: RateLimiterRes, windowSeconds: number): QuotaState => ({
  limit: limiter.points,
  remaining: Math.max(0, res.remainingPoints),
  resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  windowSeconds,
});

/** The defaults, with the values given in their place; each must be a positive number. */
function withDefaults<T extends object>(defaults: T, given: Partial<T> = {}): T {
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(given) as [keyof T, unknown][]) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new TypeError(`Rate limit ${String(key)} must be a positive number.`);
    }
    merged[key] = value as T[keyof T];
  }
  return merged;
}

/** The key a caller is counted by: a partner's client, or the token's subject. */
const identityKey = (identity: Identity) =>
  identity.role === 'PARTNER'
    ? `partner:${identity.client ?? identity.subject}`
    : `sub:${identity.subject}`;

/**
 * Request, cost and failed sign-in quotas per identity and per client address, counted
 * with rate-limiter-flexible in memory or in PostgreSQL (see {@link RateLimitOptions}).
 */
export function createRateLimits(options: RateLimitOptions, logger: Logger): RateLimits {
  const window = options.windowSeconds ?? DEFAULT_RATE_LIMITS.windowSeconds;
  const identity = withDefaults(DEFAULT_RATE_LIMITS.identity, options.identity);
  const partner = withDefaults(DEFAULT_RATE_LIMITS.partner, options.partner);
  const address = withDefaults(DEFAULT_RATE_LIMITS.address, options.address);
  const auth = withDefaults(DEFAULT_RATE_LIMITS.authFailures, options.authFailures);
  const partners = Object.fromEntries(
    Object.entries(options.partners ?? {}).map(([client, quota]) => [
      client,
      withDefaults(partner, quota),
    ]),
  );
  const store = createLimiterStore(options.store ?? { kind: 'memory' }, logger);

  // One limiter per name and size: a partner with its own quota has limiters of its own size.
  const limiters = new Map<string, Limiter>();
  const limiterFor = (spec: LimiterSpec) => {
    const key = `${spec.name}/${spec.points}`;
    let limiter = limiters.get(key);
    if (!limiter) limiters.set(key, (limiter = store.limiter(spec)));
    return limiter;
  };
  // The limiter blocks the count that goes over its points: the limit-th failure.
  const authLimiter = limiterFor({
    name: 'auth-failures',
    points: auth.limit - 1,
    windowSeconds: auth.windowSeconds,
    blockSeconds: auth.blockSeconds,
  });

  // A quota set for the client here wins; else the one its token carries; else the default.
  const quotaOf = (who: Identity): Quota =>
    who.role === 'PARTNER'
      ? (partners[who.client ?? who.subject] ??
        (who.quota ? withDefaults(partner, who.quota) : partner))
      : identity;

  /** Counts `points` for `key`; throws RateLimitedError when over. */
  async function count(
    spec: LimiterSpec,
    key: string,
    points: number,
    refusal: string,
  ): Promise<QuotaState[]> {
    const limiter = limiterFor(spec);
    try {
      return [stateOf(limiter, await limiter.consume(storeKey(key), points), spec.windowSeconds)];
    } catch (error) {
      if (isOverLimit(error)) {
        throw new RateLimitedError(stateOf(limiter, error, spec.windowSeconds), refusal);
      }
      // Counting failed even in memory: serve the request rather than refuse everyone.
      logger.warn({ err: error }, 'rate limit not counted');
      return [];
    }
  }

  const requests = (name: string, points: number): LimiterSpec => ({
    name: `${name}-requests`,
    points,
    windowSeconds: window,
  });
  const cost = (name: string, points: number): LimiterSpec => ({
    name: `${name}-cost`,
    points,
    windowSeconds: window,
  });
  const perWindow = (points: number) => `at most ${points} per ${window} s`;

  return {
    async admitAddress(from) {
      // Both at once: one round trip to the store rather than two.
      const [failures, states] = await Promise.all([
        authLimiter.get(storeKey(from)).catch(() => null),
        count(
          requests('address', address.requests),
          from,
          1,
          `Too many requests from this address: ${perWindow(address.requests)}.`,
        ),
      ]);
      if (failures && failures.consumedPoints >= auth.limit) {
        throw new RateLimitedError(
          {
            limit: auth.limit,
            remaining: 0,
            resetSeconds: Math.max(1, Math.ceil(failures.msBeforeNext / 1000)),
            windowSeconds: auth.windowSeconds,
          },
          'Too many failed sign-ins from this address.',
        );
      }
      return states;
    },
    async recordAuthFailure(from) {
      await authLimiter.consume(storeKey(from)).catch((error: unknown) => {
        if (!isOverLimit(error)) logger.warn({ err: error }, 'failed sign-in not counted');
      });
    },
    admitIdentity(who) {
      const quota = quotaOf(who);
      return count(
        requests('identity', quota.requests),
        identityKey(who),
        1,
        `Too many requests: ${perWindow(quota.requests)}.`,
      );
    },
    async chargeCost(from, who, spent) {
      if (!(spent > 0)) return [];
      const charges = [
        count(
          cost('address', address.cost),
          from,
          Math.min(spent, address.cost),
          `Too much work asked from this address: cost ${perWindow(address.cost)}.`,
        ),
      ];
      if (who) {
        const quota = quotaOf(who);
        // One operation can use up a window at most, however far over the quota it goes.
        charges.push(
          count(
            cost('identity', quota.cost),
            identityKey(who),
            Math.min(spent, quota.cost),
            `Too much work asked: cost ${perWindow(quota.cost)}.`,
          ),
        );
      }
      return (await Promise.all(charges)).flat();
    },
    start: () => store.start(),
    close: () => store.close(),
  };
}
