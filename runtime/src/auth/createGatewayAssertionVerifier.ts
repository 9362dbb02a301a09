import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { DomainError, ErrorCode } from '../errors';
import { createFileJWKSet } from './createFileJWKSet';
import { lifetimeWithin } from './createTokenVerifier';
import {
  GATEWAY_ASSERTION_AUDIENCE,
  GATEWAY_ASSERTION_ISSUER,
  GATEWAY_ASSERTION_LIFETIME_SECONDS,
  GATEWAY_ASSERTION_TYPE,
} from './gatewayAssertion';
import { KEY_ALGORITHM } from './keyFiles';

/** The `reason` of a refused assertion: the caller is not the gateway (or the gateway is misconfigured). */
export const NOT_THE_GATEWAY = 'NOT_THE_GATEWAY';

export type GatewayAssertionVerifierOptions = {
  /** `iss` expected (default `gateway`). */
  issuer?: string;
  /** `aud` expected (default `subgraphs`). */
  audience?: string;
  /** Leeway for `exp` and `iat`, in seconds (default 5). */
  clockToleranceSeconds?: number;
  /** Longest lifetime (`exp - iat`) accepted (default five minutes, what the signer gives). */
  maxLifetimeSeconds?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
} & (
  | {
      /** The gateway's public key set. */
      jwks: JSONWebKeySet;
      jwksFile?: undefined;
    }
  | {
      /** A file holding the gateway's public key set, read again for an unknown `kid`. */
      jwksFile: string;
      jwks?: undefined;
    }
);

export interface GatewayAssertionVerifier {
  /**
   * Resolves when `assertion` (the header's value) is a valid gateway assertion;
   * otherwise throws a DomainError FORBIDDEN with reason `NOT_THE_GATEWAY`.
   */
  verify(assertion: string | undefined): Promise<void>;
}

/** Assertions remembered: one per gateway replica and key, so a few suffice. */
const CACHE_SIZE = 64;

/**
 * Checks the gateway assertion a subgraph served over HTTP requires on every
 * request. The gateway sends the same assertion for minutes, so a verified one
 * is remembered until it expires and the signature is checked once.
 */
export function createGatewayAssertionVerifier(
  options: GatewayAssertionVerifierOptions,
): GatewayAssertionVerifier {
  const keys = options.jwks ? createLocalJWKSet(options.jwks) : createFileJWKSet(options.jwksFile);
  const maxLifetime = options.maxLifetimeSeconds ?? GATEWAY_ASSERTION_LIFETIME_SECONDS;
  const tolerance = options.clockToleranceSeconds ?? 5;
  const now = options.now ?? (() => Date.now());
  const verifyOptions = {
    issuer: options.issuer ?? GATEWAY_ASSERTION_ISSUER,
    audience: options.audience ?? GATEWAY_ASSERTION_AUDIENCE,
    algorithms: [KEY_ALGORITHM],
    typ: GATEWAY_ASSERTION_TYPE,
    clockTolerance: tolerance,
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: maxLifetime,
  };
  // Assertion to its `exp`, in seconds.
  const verified = new Map<string, number>();

  return {
    async verify(assertion) {
      if (!assertion) throw notTheGateway('This service answers the gateway only.');
      const expiresAt = verified.get(assertion);
      if (expiresAt !== undefined && expiresAt + tolerance > now() / 1000) return;
      if (expiresAt !== undefined) verified.delete(assertion);
      let payload;
      try {
        ({ payload } = await jwtVerify(assertion, keys, {
          ...verifyOptions,
          currentDate: new Date(now()),
        }));
      } catch (error) {
        if (error instanceof errors.JOSEError) {
          throw notTheGateway('The gateway assertion is not valid.', error);
        }
        throw error;
      }
      if (!lifetimeWithin(payload, maxLifetime)) {
        throw notTheGateway('The gateway assertion lives longer than this service accepts.');
      }
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value as string);
      verified.set(assertion, payload.exp as number);
    },
  };
}

const notTheGateway = (message: string, cause?: unknown) =>
  new DomainError(ErrorCode.FORBIDDEN, message, NOT_THE_GATEWAY, { cause });
