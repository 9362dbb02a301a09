import type { JWTPayload } from 'jose';
import { unauthenticated } from '../errors';
import { SERVICE_PREFIX, isRole, type Identity } from '../identity';

/**
 * Maps verified claims to an {@link Identity}. Scopes come from a `scopes`
 * array, or from an OAuth-style space-separated `scope` string.
 */
export function identityFromClaims(payload: JWTPayload, token: string): Identity {
  const { sub, role, exp } = payload;
  if (!isRole(role)) throw unauthenticated('The bearer token has no known role.');
  if (typeof sub !== 'string' || sub.length === 0 || typeof exp !== 'number') {
    throw unauthenticated('The bearer token is not valid.');
  }
  return {
    subject: sub,
    role,
    employeeId: sub.startsWith(SERVICE_PREFIX) ? null : sub,
    scopes: scopesOf(payload),
    ...(role === 'PARTNER' && { client: clientOf(payload, sub) }),
    ...(role === 'PARTNER' && quotaOf(payload)),
    token,
    expiresAt: exp,
  };
}

/** The OAuth client a partner token was issued to (RFC 9068 `client_id`, OIDC `azp`). */
function clientOf(payload: JWTPayload, sub: string): string {
  for (const claim of [payload.client_id, payload.azp]) {
    if (typeof claim === 'string' && claim.length > 0) return claim;
  }
  return sub;
}

/** Largest quota a token may carry: far above any real one, so a typo cannot overflow a counter. */
const MAX_QUOTA = 1_000_000_000;

const quotaNumber = (value: unknown): number | undefined =>
  Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_QUOTA
    ? (value as number)
    : undefined;

/** A partner's quota signed into its token (`quota: {requests, cost}`); nothing when absent or malformed. */
function quotaOf(payload: JWTPayload): Pick<Identity, 'quota'> | undefined {
  const { quota } = payload as { quota?: unknown };
  if (typeof quota !== 'object' || quota === null) return undefined;
  const { requests, cost } = quota as Record<string, unknown>;
  const bounded = { requests: quotaNumber(requests), cost: quotaNumber(cost) };
  if (bounded.requests === undefined && bounded.cost === undefined) return undefined;
  return { quota: bounded };
}

function scopesOf(payload: JWTPayload): string[] {
  const { scopes, scope } = payload;
  if (Array.isArray(scopes)) return scopes.filter((s): s is string => typeof s === 'string');
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  return [];
}
