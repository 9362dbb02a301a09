import type { JWK } from 'jose';
import {
  generatePrivateJwk,
  keyPaths,
  publicJwk,
  readJwksFile,
  readPrivateJwk,
  writeJwksFile,
  writePrivateJwk,
} from './keyFiles';

/** The two key pairs of the platform: the token issuer's and the gateway's (assertions). */
export const KEY_OWNERS = ['issuer', 'gateway'] as const;
export type KeyOwner = (typeof KEY_OWNERS)[number];

/** A rotation step that would leave the owner's keys in a bad state; nothing was changed. */
export class KeyRotationError extends Error {
  override name = 'KeyRotationError';
  constructor(
    readonly code: 'NO_KEY' | 'CURRENT_KEY' | 'NOTHING_TO_RETIRE' | 'UNKNOWN_KEY',
    message: string,
  ) {
    super(message);
  }
}

/** The owner's private key file and its public key set under the keys folder `dir`. */
export function keyFilesOf(dir: string, owner: KeyOwner) {
  const paths = keyPaths(dir);
  return owner === 'issuer'
    ? { privateFile: paths.issuerPrivate, jwksFile: paths.issuerJwks }
    : { privateFile: paths.gatewayPrivate, jwksFile: paths.gatewayJwks };
}

/** Writes the public set with `privateJwk`'s public key first and every other key it held kept. */
export function publishKey(privateJwk: JWK, jwksFile: string): void {
  const current = publicJwk(privateJwk);
  const kept = publishedKeys(jwksFile).filter((key) => key.kid !== current.kid);
  writeJwksFile(jwksFile, { keys: [current, ...kept] });
}

/**
 * Step 1 of a rotation: a new key pair replaces the owner's private key, and its public key
 * joins the public set beside the old one, which stays trusted until {@link retireKeys}.
 * The public set is written first: a key signs only once everyone can find it.
 */
export function rotateKey(dir: string, owner: KeyOwner): { current: string; previous: string } {
  const { privateFile, jwksFile } = keyFilesOf(dir, owner);
  const old = currentKey(privateFile, owner);
  const fresh = generatePrivateJwk();
  publishKey(old, jwksFile);
  publishKey(fresh, jwksFile);
  writePrivateJwk(privateFile, fresh);
  return { current: fresh.kid as string, previous: old.kid as string };
}

/**
 * Step 2 of a rotation: the public set keeps only the current key (or loses the one key
 * `kid`), so what the old keys signed is refused from then on. The current key is never
 * retired, nor is the set left empty.
 */
export function retireKeys(
  dir: string,
  owner: KeyOwner,
  kid?: string,
): { current: string; retired: string[] } {
  const { privateFile, jwksFile } = keyFilesOf(dir, owner);
  const currentJwk = currentKey(privateFile, owner);
  const current = currentJwk.kid as string;
  if (kid === current)
    throw new KeyRotationError(
      'CURRENT_KEY',
      `${kid} is the ${owner}'s current key: it signs now, and cannot be retired.`,
    );
  const keys = publishedKeys(jwksFile);
  const retired = keys
    .map((key) => key.kid as string)
    .filter((k) => k !== current && (kid === undefined || k === kid));
  if (kid !== undefined && retired.length === 0)
    throw new KeyRotationError('UNKNOWN_KEY', `The ${owner}'s public set holds no key ${kid}.`);
  if (retired.length === 0)
    throw new KeyRotationError(
      'NOTHING_TO_RETIRE',
      `The ${owner}'s public set holds only its current key ${current}: nothing to retire.`,
    );
  const others = keys.filter((key) => key.kid !== current && !retired.includes(key.kid as string));
  writeJwksFile(jwksFile, { keys: [publicJwk(currentJwk), ...others] });
  return { current, retired };
}

function currentKey(privateFile: string, owner: KeyOwner): JWK {
  try {
    return readPrivateJwk(privateFile);
  } catch (error) {
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code !== 'ENOENT') throw error;
    throw new KeyRotationError(
      'NO_KEY',
      `The ${owner} has no key yet: run the keys command first.`,
    );
  }
}

function publishedKeys(file: string): JWK[] {
  try {
    return readJwksFile(file).keys;
  } catch (error) {
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT') return [];
    throw error;
  }
}
