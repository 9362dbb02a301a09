import crypto, { type KeyObject } from 'node:crypto';
import { SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { SERVICE_PREFIX, isRole, type Role } from '../identity';
import fs from 'node:fs';
import {
  KEY_ALGORITHM,
  keyPaths,
  loadOrCreatePrivateJwk,
  publicJwk,
  readJwksFile,
} from './keyFiles';

/** The only algorithm the local issuer signs with. */
export const LOCAL_ISSUER_ALGORITHM = KEY_ALGORITHM;

/** Where the issuer's private key lives under a data directory. */
export const issuerKeyFile = (dataDir: string) => keyPaths(dataDir).issuerPrivate;

const DEFAULT_TTL_SECONDS = 60 * 60;

export interface LocalIssuerOptions {
  /** The key pair lives in `<dataDir>/issuer/`, so the token CLI and the server share it. */
  dataDir: string;
  /** `iss` of every token. */
  issuer: string;
  /** `aud` of every token. */
  audience: string;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

export interface IssueOptions {
  role: Role;
  /**
   * The subject: an employee id, or `service:<name>`. Without it an ADMIN or
   * SYSTEM token gets the service principal `service:<role lower case>`;
   * every other role needs one.
   */
  sub?: string;
  /** PARTNER scopes such as `employees:read`. */
  scopes?: string[];
  /** Lifetime in seconds (default one hour). */
  ttlSeconds?: number;
  /** PARTNER: the client the token is issued to (`client_id`, RFC 9068). */
  clientId?: string;
  /** PARTNER: the client's own quota per rate-limit window (`quota`). */
  quota?: { requests?: number; cost?: number };
}

export interface LocalIssuer {
  /** Key id of the signing key (its JWK thumbprint). */
  readonly kid: string;
  /** A signed JWT with `sub`, `role`, `scopes`, `iss`, `aud`, `iat`, `exp` and `kid`. */
  issue(options: IssueOptions): Promise<string>;
  /**
   * The public key set to verify tokens with (serve it at `/.well-known/jwks.json`): the
   * signing key, and the other keys of `<dataDir>/public/issuer-jwks.json` when `npm run keys`
   * made one, so tokens of a key being rotated out still verify (docs/keys.md).
   */
  jwks(): JSONWebKeySet;
}

/** Roles that may act as a service principal, without a person behind the token. */
const SERVICE_ROLES: readonly Role[] = ['ADMIN', 'SYSTEM'];

/**
 * A token issuer for the all-in-one mode and for tests. It loads the ES256 key
 * pair kept under `<dataDir>/issuer/`, creating it on first start (synchronously:
 * it runs once, at start). A key rotated afterwards signs from the next start on.
 */
export function createLocalIssuer(options: LocalIssuerOptions): LocalIssuer {
  const privateJwk = loadOrCreatePrivateJwk(issuerKeyFile(options.dataDir));
  const key: KeyObject = crypto.createPrivateKey({
    key: privateJwk as crypto.JsonWebKey,
    format: 'jwk',
  });
  const kid = privateJwk.kid as string;
  const published = publishedKeys(keyPaths(options.dataDir).issuerJwks);
  const keys = [publicJwk(privateJwk), ...published.filter((key) => key.kid !== kid)];

  return {
    kid,
    async issue({ role, sub, scopes = [], ttlSeconds = DEFAULT_TTL_SECONDS, clientId, quota }) {
      if (!isRole(role)) throw new TypeError(`Unknown role "${String(role)}".`);
      if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
        throw new TypeError('ttlSeconds must be a positive integer.');
      }
      const subject = sub || (SERVICE_ROLES.includes(role) ? serviceSubject(role) : undefined);
      if (!subject) throw new TypeError(`${role} tokens need a subject (sub).`);
      const partner = role === 'PARTNER' ? { client_id: clientId, quota } : {};
      // One reading of the clock for both: two could straddle a second, and a token one
      // second longer than its lifetime is refused by verifiers that cap the lifetime.
      const issuedAt = Math.floor((options.now?.() ?? Date.now()) / 1000);
      return new SignJWT({ role, scopes, ...partner })
        .setProtectedHeader({ alg: LOCAL_ISSUER_ALGORITHM, kid, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(key);
    },
    jwks: () => ({ keys }),
  };
}

/** What configures the platform's own issuer (AppConfig has it). */
export interface IssuerConfig {
  DATA_DIR: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}

/** The platform's own issuer, as the configuration sets it: the server, seed and CLI agree. */
export const configuredIssuer = (config: IssuerConfig): LocalIssuer =>
  createLocalIssuer({
    dataDir: config.DATA_DIR,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });

const serviceSubject = (role: Role) => `${SERVICE_PREFIX}${role.toLowerCase()}`;

/** The keys of the published set, if there is one (it holds public keys only). */
function publishedKeys(file: string): JWK[] {
  return fs.existsSync(file) ? readJwksFile(file).keys : [];
}
