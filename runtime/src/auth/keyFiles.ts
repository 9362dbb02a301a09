import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JSONWebKeySet, JWK } from 'jose';
import { readOrCreateFile } from '../readOrCreateFile';

/** The only algorithm the platform's own keys sign with. */
export const KEY_ALGORITHM = 'ES256';

/**
 * Where bin/keys.ts keeps the platform's keys under one directory: each
 * private key in its own folder, so each can be given to its one owner
 * (docker-compose mounts each folder as its own volume), and the public key
 * sets together, for everyone.
 */
export function keyPaths(dir: string) {
  return {
    /** The token issuer's private key (the local issuer's `<dataDir>/issuer/`). */
    issuerPrivate: path.join(dir, 'issuer', 'private.jwk.json'),
    /** The gateway's private key, for its assertions to subgraphs. */
    gatewayPrivate: path.join(dir, 'gateway', 'private.jwk.json'),
    /** The issuer's public keys (JWKS_FILE). */
    issuerJwks: path.join(dir, 'public', 'issuer-jwks.json'),
    /** The gateway's public keys (GATEWAY_JWKS_FILE). */
    gatewayJwks: path.join(dir, 'public', 'gateway-jwks.json'),
  };
}

/** A key file that is missing or not what it should be; the process should not start. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
  readonly code = 'KEY_FILE_INVALID';
  constructor(
    readonly file: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/**
 * The private JWK in `file`, creating an ES256 key pair there if there is
 * none (synchronously: it runs once, at start). The file is readable by its
 * owner only.
 */
export function loadOrCreatePrivateJwk(file: string): JWK {
  return JSON.parse(readOrCreateFile(file, () => JSON.stringify(generatePrivateJwk()))) as JWK;
}

/** A new ES256 private key as a JWK, its key id the RFC 7638 thumbprint. */
export function generatePrivateJwk(): JWK {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid: thumbprint(jwk), alg: KEY_ALGORITHM, use: 'sig' };
}

/** An existing private ES256 JWK with a key id, e.g. the gateway's. */
export function readPrivateJwk(file: string): JWK {
  const jwk = readJson(file) as JWK;
  if (typeof jwk.d !== 'string' || typeof jwk.kid !== 'string' || jwk.crv !== 'P-256') {
    throw new KeyFileError(file, 'must hold a private P-256 JWK with a "kid".');
  }
  return jwk;
}

/** A public key set (JWKS); a private key in it is refused, so none is shared by mistake. */
export function readJwksFile(file: string): JSONWebKeySet {
  const jwks = readJson(file) as JSONWebKeySet;
  if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) {
    throw new KeyFileError(file, 'must hold a JWKS with at least one key.');
  }
  if (jwks.keys.some((key) => 'd' in key)) {
    throw new KeyFileError(file, 'holds a private key; a JWKS file must hold public keys only.');
  }
  return jwks;
}

/** The public half of a private JWK. */
export function publicJwk(privateJwk: JWK): JWK {
  const { d: _private, ...rest } = privateJwk;
  return rest;
}

/** Replaces a private key file, readable by its owner only; a reader sees the old key or the new. */
export function writePrivateJwk(file: string, jwk: JWK): void {
  if (typeof jwk.d !== 'string') throw new TypeError('A private key file holds a private key.');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(temp, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  fs.renameSync(temp, file);
}

/** Writes a public key set for everyone to read. */
export function writeJwksFile(file: string, jwks: JSONWebKeySet): void {
  if (jwks.keys.some((key) => 'd' in key)) throw new TypeError('A JWKS file holds public keys.');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(temp, `${JSON.stringify(jwks, null, 2)}\n`, { mode: 0o644 });
  // Renamed into place: a reader sees the old set or the new one, never half of one.
  fs.renameSync(temp, file);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyFileError(file, 'cannot be read.', { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KeyFileError(file, 'is not JSON.', { cause: error });
  }
}

/** RFC 7638 thumbprint of an EC key: its key id. */
function thumbprint({ crv, kty, x, y }: JWK): string {
  const canonical = JSON.stringify({ crv, kty, x, y });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}
