import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { unauthenticated, unavailable } from '../errors';
import type { Identity } from '../identity';
import { createFileJWKSet } from './createFileJWKSet';
import { identityFromClaims } from './identityFromClaims';

/**
 * One hour between `iat` and `exp`. Tokens here carry the right to read
 * salaries and personal data, so a stolen one must not outlive a working
 * session; an hour is what the local issuer gives (bin/token.ts included) and
 * what most identity providers give access tokens, and clients refresh
 * without the user noticing. A provider with longer tokens raises it
 * (JWT_MAX_TTL_SECONDS).
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface TokenVerifierBaseOptions {
  /** Pinned `iss`. */
  issuer: string;
  /** Pinned `aud`. */
  audience: string;
  /** Pinned signature algorithms, e.g. `['ES256']`; `none` and shared-secret (HS*) ones are refused. */
  algorithms: string[];
  /** Leeway for `exp`, `nbf` and `iat`, in seconds (default 5). */
  clockToleranceSeconds?: number;
  /**
   * Longest lifetime (`exp - iat`) accepted, in seconds (default
   * {@link DEFAULT_MAX_TOKEN_LIFETIME_SECONDS}). `iat` is required, and one in
   * the future beyond the clock leeway is refused.
   */
  maxLifetimeSeconds?: number;
  /** Verified tokens remembered until they expire (default 10,000; 0 turns it off). */
  cacheSize?: number;
}

export type TokenVerifierOptions = TokenVerifierBaseOptions &
  (
    | {
        /** Issuer's JWKS endpoint; fetched on first use, cached and refetched for an unknown `kid`. */
        jwksUrl: string;
        jwks?: undefined;
        jwksFile?: undefined;
      }
    | {
        /** A local key set, e.g. the local issuer's `jwks()`. */
        jwks: JSONWebKeySet;
        jwksUrl?: undefined;
        jwksFile?: undefined;
      }
    | {
        /** A JWKS file, read at start and again for an unknown `kid` (see createFileJWKSet). */
        jwksFile: string;
        jwks?: undefined;
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
  const keys = keySetOf(options);
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (!Number.isInteger(maxLifetime) || maxLifetime <= 0) {
    throw new TypeError('maxLifetimeSeconds must be a positive integer.');
  }
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms,
    clockTolerance: options.clockToleranceSeconds ?? 5,
    requiredClaims: ['sub', 'exp', 'iat'],
    // Makes jose refuse an `iat` in the future beyond the leeway (and one older than this).
    maxTokenAge: maxLifetime,
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
      if (!lifetimeWithin(payload, maxLifetime)) {
        throw unauthenticated('The bearer token lives longer than this service accepts.');
      }
      return cache.set(identityFromClaims(payload, token));
    },
  };
}

function keySetOf(options: TokenVerifierOptions): JWTVerifyGetKey {
  if (options.jwks) return createLocalJWKSet(options.jwks);
  if (options.jwksFile) return createFileJWKSet(options.jwksFile);
  return createRemoteJWKSet(new URL(options.jwksUrl as string));
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

/** `exp - iat` at most `maxSeconds`; both are numbers once jose has checked the token. */
export function lifetimeWithin(payload: JWTPayload, maxSeconds: number): boolean {
  return (payload.exp as number) - (payload.iat as number) <= maxSeconds;
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
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iat') {
    return unauthenticated(
      'The bearer token is not valid: no issue time (iat), or one in the future.',
    );
  }
  return unauthenticated('The bearer token is not valid.');
}
