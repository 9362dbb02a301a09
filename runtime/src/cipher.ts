import crypto from 'node:crypto';
import path from 'node:path';
import { readOrCreateFile } from './readOrCreateFile';

/** Encrypts personal data at rest (phone, salary) with AES-256-GCM. */
export interface Cipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

const VERSION = 'v1';

export class CipherError extends Error {
  override name = 'CipherError';
  readonly code = 'CIPHER_FAILED';
}

export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new CipherError('The data encryption key must be 32 bytes.');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(':', 2);
      if (version !== VERSION || !payload) throw new CipherError('Unknown ciphertext format.');
      const raw = Buffer.from(payload, 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The key from DATA_ENCRYPTION_KEY, or for all-in-one a key generated once and
 * kept under DATA_DIR, so a restart can still read what it wrote.
 */
export function loadDataKey(config: { DATA_ENCRYPTION_KEY?: string; DATA_DIR: string }): Buffer {
  if (config.DATA_ENCRYPTION_KEY) return Buffer.from(config.DATA_ENCRYPTION_KEY, 'base64');
  const file = path.join(config.DATA_DIR, 'secrets', 'data.key');
  const text = readOrCreateFile(file, () => crypto.randomBytes(32).toString('base64'));
  return Buffer.from(text.trim(), 'base64');
}
