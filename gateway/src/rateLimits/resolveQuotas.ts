import type { Identity } from '../../../runtime/edge';
import {
  DEFAULT_RATE_LIMITS,
  type AuthFailureLimit,
  type Quota,
  type RateLimitOptions,
} from './RateLimitOptions';

/** Every quota, with the defaults where none was given. */
export interface ResolvedQuotas {
  /** Length of the window of requests and cost, in seconds. */
  window: number;
  identity: Quota;
  partner: Quota;
  address: Quota;
  auth: AuthFailureLimit;
  /** Partner clients' own quotas, by client id. */
  partners: Record<string, Quota>;
}

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

/** The quotas of the options over the defaults; throws on a value that is not positive. */
export function resolveQuotas(options: RateLimitOptions): ResolvedQuotas {
  const identity = withDefaults(DEFAULT_RATE_LIMITS.identity, options.identity);
  const partner = withDefaults(DEFAULT_RATE_LIMITS.partner, options.partner);
  return {
    window: options.windowSeconds ?? DEFAULT_RATE_LIMITS.windowSeconds,
    identity,
    partner,
    address: withDefaults(DEFAULT_RATE_LIMITS.address, options.address),
    auth: withDefaults(DEFAULT_RATE_LIMITS.authFailures, options.authFailures),
    partners: Object.fromEntries(
      Object.entries(options.partners ?? {}).map(([client, quota]) => [
        client,
        withDefaults(partner, quota),
      ]),
    ),
  };
}

/** A caller's quota: for a partner, its client's set here, else its token's, else the default. */
export const quotaOf = (quotas: ResolvedQuotas, who: Identity): Quota =>
  who.role === 'PARTNER'
    ? (quotas.partners[who.client ?? who.subject] ??
      (who.quota ? withDefaults(quotas.partner, who.quota) : quotas.partner))
    : quotas.identity;

/** The key a caller is counted by: a partner's client, or the token's subject. */
export const identityKey = (identity: Identity) =>
  identity.role === 'PARTNER'
    ? `partner:${identity.client ?? identity.subject}`
    : `sub:${identity.subject}`;
