import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { unauthenticated, unavailable } from '../errors';
import type { Identity } from '../identity';
import { identityFromClaims } from './identityFromClaims';

export interface TokenVerifierBaseOptions {
  /** Pinned `iss`. */
  issuer: string;
  /** Pinned `aud`. */
  audience: string;
  /** Pinned signature algorithms, e.g. `['ES256']`; `none` and shared-secret (HS*) ones are refused. */
  algorithms: string[];
  /** Leeway for `exp`, `nbf` and `iat`, in seconds (default 5). */
  clockToleranceSeconds?: number;
  /** Verified tokens remembered until they expire (default 10,000; 0 turns it off). */
  cacheSize?: number;
}

export type TokenVerifierOptions = TokenVerifierBaseOptions &
  (
    | {
        /** Issuer's JWKS endpoint; fetched on first use, cached and refetched for an unknown `kid`. */
        jwksUrl: string;
        jwks?: undefined;
      }
    | {
        /** A local key set, e.g. the local issuer's `jwks()`. */
        jwks: JSONWebKeySet;
        jwksUrl?: undefined;
      }
  );

export interface TokenVerifier {
  /**
   * The caller of a request, from its `Authorization` header. Throws a
   * DomainError UNAUTHENTICATED for a missing, malformed, expired or foreign
   * token, and UNAVAILABLE when the issuer's keys cannot be fetched.
   */
  verify(authorization?: string): Promise<Identity>;
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const algorithms = pinnedAlgorithms(options.algorithms);
  const keys: JWTVerifyGetKey = options.jwks
    ? createLocalJWKSet(options.jwks)
    : createRemoteJWKSet(new URL(options.jwksUrl));
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms,
    clockTolerance: options.clockToleranceSeconds ?? 5,
    requiredClaims: ['sub', 'exp'],
  };

  const cache = createIdentityCache(options.cacheSize ?? 10_000);

  return {
    async verify(authorization) {
      if (!authorization) throw unauthenticated('A bearer token is required.');
      const token = BEARER.exec(authorization.trim())?.[1];
      if (!token) throw unauthenticated('The Authorization header must be "Bearer <JWT>".');
      const cached = cache.get(token);
      if (cached) return cached;
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, verifyOptions));
      } catch (error) {
        throw toAuthError(error);
      }
      return cache.set(identityFromClaims(payload, token));
    },
  };
}

/**
 * One request is verified by the gateway and again by each subgraph it
 * reaches; a token that verified once stays valid until it expires, so the
 * signature check is done once per token, not once per hop.
 */
function createIdentityCache(size: number) {
  const entries = new Map<string, Identity>();
  return {
    get(token: string): Identity | undefined {
      const identity = entries.get(token);
      if (identity && identity.expiresAt * 1000 > Date.now()) return identity;
      if (identity) entries.delete(token);
      return undefined;
    },
    set(identity: Identity): Identity {
      if (size <= 0) return identity;
      // Map keeps insertion order: the first key is the oldest entry.
      if (entries.size >= size) entries.delete(entries.keys().next().value as string);
      entries.set(identity.token, identity);
      return identity;
    },
  };
}

function pinnedAlgorithms(algorithms: string[]): string[] {
  if (algorithms.length === 0) throw new TypeError('At least one JWT algorithm must be pinned.');
  const refused = algorithms.filter((alg) => alg.toLowerCase() === 'none' || /^HS/i.test(alg));
  if (refused.length > 0) {
    throw new TypeError(`JWT algorithms ${refused.join(', ')} may not be used with a JWKS.`);
  }
  return [...algorithms];
}

function toAuthError(error: unknown) {
  // The issuer's key endpoint failing is not the caller's fault.
  if (
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid
  ) {
    return unavailable('The token issuer keys could not be loaded.', error);
  }
  if (error instanceof errors.JWTExpired) return unauthenticated('The bearer token has expired.');
  return unauthenticated('The bearer token is not valid.');
}
