import crypto from 'node:crypto';
import { SignJWT, type JWK } from 'jose';
import {
  GATEWAY_ASSERTION_AUDIENCE,
  GATEWAY_ASSERTION_HEADER,
  GATEWAY_ASSERTION_ISSUER,
  GATEWAY_ASSERTION_LIFETIME_SECONDS,
  GATEWAY_ASSERTION_TYPE,
} from './gatewayAssertion';
import { KEY_ALGORITHM } from './keyFiles';

export interface GatewayAssertionSignerOptions {
  /** The gateway's private P-256 key as a JWK with a `kid` (bin/keys.ts writes one). */
  key: JWK;
  /** `iss` and `sub` (default `gateway`). */
  issuer?: string;
  /** `aud` (default `subgraphs`). */
  audience?: string;
  /** Lifetime of one assertion in seconds (default five minutes). */
  lifetimeSeconds?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

export interface GatewayAssertionSigner {
  /** The header to send it in. */
  readonly header: string;
  /** The current assertion: signed once, then again when half its lifetime is gone. */
  current(): Promise<string>;
}

interface Signed {
  token: string;
  /** When to sign the next one, in milliseconds. */
  renewAt: number;
}

/**
 * Signs the gateway assertion. Every subgraph call reuses the same assertion
 * until half its lifetime is gone, so it costs one signature every few
 * minutes, not one per request; concurrent callers share the signing.
 */
export function createGatewayAssertionSigner(
  options: GatewayAssertionSignerOptions,
): GatewayAssertionSigner {
  const { key: jwk } = options;
  if (typeof jwk.kid !== 'string' || typeof jwk.d !== 'string') {
    throw new TypeError('The gateway assertion key must be a private JWK with a "kid".');
  }
  const key = crypto.createPrivateKey({ key: jwk as crypto.JsonWebKey, format: 'jwk' });
  const issuer = options.issuer ?? GATEWAY_ASSERTION_ISSUER;
  const audience = options.audience ?? GATEWAY_ASSERTION_AUDIENCE;
  const lifetime = options.lifetimeSeconds ?? GATEWAY_ASSERTION_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 2) {
    throw new TypeError('lifetimeSeconds must be an integer of at least 2.');
  }
  const now = options.now ?? (() => Date.now());
  let signed: Signed | undefined;
  let signing: Promise<string> | undefined;

  async function sign(): Promise<string> {
    const issuedAt = Math.floor(now() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: KEY_ALGORITHM, kid: jwk.kid, typ: GATEWAY_ASSERTION_TYPE })
      .setIssuer(issuer)
      .setSubject(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime)
      .sign(key);
    signed = { token, renewAt: (issuedAt + lifetime / 2) * 1000 };
    return token;
  }

  return {
    header: GATEWAY_ASSERTION_HEADER,
    current() {
      if (signed && now() < signed.renewAt) return Promise.resolve(signed.token);
      signing ??= sign().finally(() => {
        signing = undefined;
      });
      return signing;
    },
  };
}
