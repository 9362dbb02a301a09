import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { SERVICE_PREFIX, isRole, type Role } from '../identity';

/** The only algorithm the local issuer signs with. */
export const LOCAL_ISSUER_ALGORITHM = 'ES256';

const DEFAULT_TTL_SECONDS = 60 * 60;

export interface LocalIssuerOptions {
  /** The key pair lives in `<dataDir>/issuer/`, so the token CLI and the server share it. */
  dataDir: string;
  /** `iss` of every token. */
  issuer: string;
  /** `aud` of every token. */
  audience: string;
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
}

export interface LocalIssuer {
  /** Key id of the signing key (its JWK thumbprint). */
  readonly kid: string;
  /** A signed JWT with `sub`, `role`, `scopes`, `iss`, `aud`, `iat`, `exp` and `kid`. */
  issue(options: IssueOptions): Promise<string>;
  /** The public key set to verify tokens with (serve it at `/.well-known/jwks.json`). */
  jwks(): JSONWebKeySet;
}

/** Roles that may act as a service principal, without a person behind the token. */
const SERVICE_ROLES: readonly Role[] = ['ADMIN', 'SYSTEM'];

/**
 * A token issuer for the all-in-one mode and for tests. It loads the ES256 key
 * pair kept under `<dataDir>/issuer/`, creating it on first start (synchronously:
 * it runs once, at start).
 */
export function createLocalIssuer(options: LocalIssuerOptions): LocalIssuer {
  const privateJwk = loadOrCreateKey(path.join(options.dataDir, 'issuer'));
  const key: KeyObject = crypto.createPrivateKey({
    key: privateJwk as crypto.JsonWebKey,
    format: 'jwk',
  });
  const { d: _private, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid as string;

  return {
    kid,
    async issue({ role, sub, scopes = [], ttlSeconds = DEFAULT_TTL_SECONDS }) {
      if (!isRole(role)) throw new TypeError(`Unknown role "${String(role)}".`);
      if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
        throw new TypeError('ttlSeconds must be a positive integer.');
      }
      const subject = sub || (SERVICE_ROLES.includes(role) ? serviceSubject(role) : undefined);
      if (!subject) throw new TypeError(`${role} tokens need a subject (sub).`);
      return new SignJWT({ role, scopes })
        .setProtectedHeader({ alg: LOCAL_ISSUER_ALGORITHM, kid, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
    jwks: () => ({ keys: [{ ...publicJwk }] }),
  };
}

const serviceSubject = (role: Role) => `${SERVICE_PREFIX}${role.toLowerCase()}`;

function loadOrCreateKey(dir: string): JWK {
  const file = path.join(dir, 'private.jwk.json');
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const created: JWK = { ...jwk, kid: thumbprint(jwk), alg: LOCAL_ISSUER_ALGORITHM, use: 'sig' };
  // Written aside and hard-linked into place: the link fails if another process
  // (the CLI and the server starting together) got there first, and then its key wins.
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(temp, JSON.stringify(created), { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return read();
  } finally {
    fs.unlinkSync(temp);
  }
}

/** RFC 7638 thumbprint of an EC key: its key id. */
function thumbprint({ crv, kty, x, y }: JWK): string {
  const canonical = JSON.stringify({ crv, kty, x, y });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}
