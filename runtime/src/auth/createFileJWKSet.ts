import {
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type KeyLike,
} from 'jose';
import { readJwksFile } from './keyFiles';

export interface FileJWKSetOptions {
  /** Least time between two reads of the file for an unknown `kid` (default 30 s). */
  cooldownMs?: number;
}

export type KeySetGetter = (
  protectedHeader?: JWSHeaderParameters,
  token?: FlattenedJWSInput,
) => Promise<KeyLike>;

/**
 * The keys of a JWKS file, read at once (a missing or bad file stops the start)
 * and read again when a token names a key id the set does not hold: a key added
 * to the file for rotation is picked up without a restart. The cooldown keeps
 * tokens with made-up key ids from reading the file on every request.
 */
export function createFileJWKSet(file: string, options: FileJWKSetOptions = {}): KeySetGetter {
  const cooldownMs = options.cooldownMs ?? 30_000;
  let keys = createLocalJWKSet(readJwksFile(file));
  let readAt = Date.now();
  return async (protectedHeader, token) => {
    try {
      return await keys(protectedHeader, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (Date.now() - readAt < cooldownMs) throw error;
      readAt = Date.now();
      keys = createLocalJWKSet(readJwksFile(file));
      return keys(protectedHeader, token);
    }
  };
}
