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

function scopesOf(payload: JWTPayload): string[] {
  const { scopes, scope } = payload;
  if (Array.isArray(scopes)) return scopes.filter((s): s is string => typeof s === 'string');
  if (typeof scope === 'string') return scope.split(' ').filter(Boolean);
  return [];
}
