import crypto from 'node:crypto';
import path from 'node:path';
import { readOrCreateFile } from './readOrCreateFile';

/**
 * Encrypts personal data at rest (phone, salary, invitation links) with AES-256-GCM, under a
 * key ring: the current key seals, the current and previous keys open (docs/keys.md).
 */
export interface Cipher {
  /** Key id of the current key: every value sealed now reads `v2:<kid>:…`. */
  readonly kid: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Whether `sealed` is already sealed with the current key (nothing to re-encrypt). */
  isCurrent(sealed: string): boolean;
}

/**
 * The formats: `v2:<kid>:<base64 of iv, tag, ciphertext>` names its key; `v1:<base64>`, from
 * before key ids, is opened by trying each key of the ring (GCM's tag tells the right one).
 */
const V1 = 'v1';
const V2 = 'v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type CipherErrorCode =
  /** Not a sealed value of any known format. */
  | 'CIPHER_FORMAT'
  /** Sealed with a key id the ring does not hold (`kid` says which). */
  | 'DATA_KEY_UNKNOWN'
  /** No key of the ring opens it: tampered with, or sealed with a key not in the ring. */
  | 'CIPHER_FAILED'
  /** A key is not 32 bytes. */
  | 'DATA_KEY_INVALID';

export class CipherError extends Error {
  override name = 'CipherError';
  /** The key id a value names, for DATA_KEY_UNKNOWN. */
  readonly kid?: string;
  constructor(
    readonly code: CipherErrorCode,
    message: string,
    options: { kid?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kid = options.kid;
  }
}

/**
 * A key's id: the first 8 bytes of its SHA-256, base64url. It names the key in every value
 * it seals without any setting, and tells nothing usable about the key.
 */
export function dataKeyId(key: Buffer): string {
  return crypto.createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');
}

/**
 * A cipher sealing with `current`, and opening what `current` or any of `previous` sealed
 * (the keys of a rotation not yet finished).
 */
export function createCipher(current: Buffer, previous: readonly Buffer[] = []): Cipher {
  for (const key of [current, ...previous]) {
    if (key.length !== 32)
      throw new CipherError('DATA_KEY_INVALID', 'A data encryption key must be 32 bytes.');
  }
  const kid = dataKeyId(current);
  const ring = new Map<string, Buffer>([[kid, current]]);
  for (const key of previous) if (!ring.has(dataKeyId(key))) ring.set(dataKeyId(key), key);

  return {
    kid,
    encrypt(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${V2}:${kid}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const parts = sealed.split(':');
      if (parts[0] === V2 && parts.length === 3 && parts[2]) {
        const key = ring.get(parts[1]);
        if (!key)
          throw new CipherError(
            'DATA_KEY_UNKNOWN',
            `A value is sealed with data key ${parts[1]}, which is neither DATA_ENCRYPTION_KEY nor in DATA_ENCRYPTION_PREVIOUS_KEYS.`,
            { kid: parts[1] },
          );
        return open(key, parts[2]);
      }
      if (parts[0] === V1 && parts.length === 2 && parts[1]) return openWithAny(ring, parts[1]);
      throw new CipherError('CIPHER_FORMAT', 'Unknown ciphertext format.');
    },
    isCurrent: (sealed) => sealed.startsWith(`${V2}:${kid}:`),
  };
}

function open(key: Buffer, payload: string): string {
  const raw = Buffer.from(payload, 'base64');
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const body = raw.subarray(IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new CipherError('CIPHER_FAILED', 'The value does not open with its data key.', {
      cause: error,
    });
  }
}

/** A `v1` value names no key: the one whose tag checks out is the right one. */
function openWithAny(ring: Map<string, Buffer>, payload: string): string {
  let failure: unknown;
  for (const key of ring.values()) {
    try {
      return open(key, payload);
    } catch (error) {
      failure = error;
    }
  }
  throw new CipherError('CIPHER_FAILED', 'No data key of the ring opens this v1 value.', {
    cause: (failure as Error | undefined)?.cause,
  });
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

/**
 * The cipher of a configuration: the current key (as {@link loadDataKey} finds it) and the
 * keys of DATA_ENCRYPTION_PREVIOUS_KEYS, still accepted for reading.
 */
export function loadCipher(config: {
  DATA_ENCRYPTION_KEY?: string;
  DATA_ENCRYPTION_PREVIOUS_KEYS?: readonly string[];
  DATA_DIR: string;
}): Cipher {
  const previous = (config.DATA_ENCRYPTION_PREVIOUS_KEYS ?? []).map((key) =>
    Buffer.from(key, 'base64'),
  );
  return createCipher(loadDataKey(config), previous);
}
