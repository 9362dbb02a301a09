import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CipherError, createCipher, dataKeyId, loadCipher, loadDataKey } from '../src/cipher';
import { sealV1 } from '../../test-support/sealV1';

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('cipher', () => {
  const key = crypto.randomBytes(32);

  it('round-trips, and never stores the same text twice the same way', () => {
    const cipher = createCipher(key);
    const a = cipher.encrypt('+44 20 7946 0958');
    const b = cipher.encrypt('+44 20 7946 0958');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('7946');
    expect(cipher.decrypt(a)).toBe('+44 20 7946 0958');
  });

  it('refuses a tampered value, another key, an unknown format and a short key', () => {
    const sealed = createCipher(key).encrypt('3500000');
    const [version, kid, payload] = sealed.split(':');
    const raw = Buffer.from(payload!, 'base64');
    raw[raw.length - 1] ^= 1;
    // AES-GCM's authentication refuses both; any other failure would be a fault.
    const refused = 'Unsupported state or unable to authenticate data';
    const tampered = `${version}:${kid}:${raw.toString('base64')}`;
    expect(failureOf(() => createCipher(key).decrypt(tampered))).toMatchObject({
      code: 'CIPHER_FAILED',
      cause: expect.objectContaining({ message: refused }),
    });
    const otherKey = crypto.randomBytes(32);
    const forged = `${version}:${kid}:${createCipher(otherKey).encrypt('1').split(':')[2]}`;
    expect(failureOf(() => createCipher(key).decrypt(forged))).toMatchObject({
      code: 'CIPHER_FAILED',
      cause: expect.objectContaining({ message: refused }),
    });
    expect(failureOf(() => createCipher(key).decrypt('plain text'))).toMatchObject({
      code: 'CIPHER_FORMAT',
    });
    expect(failureOf(() => createCipher(crypto.randomBytes(16)))).toMatchObject({
      code: 'DATA_KEY_INVALID',
    });
    expect(failureOf(() => createCipher(key, [crypto.randomBytes(16)]))).toMatchObject({
      code: 'DATA_KEY_INVALID',
    });
  });

  it('names the key of every value: the first 8 bytes of its SHA-256, base64url', () => {
    const kid = crypto.createHash('sha256').update(key).digest().subarray(0, 8);
    expect(dataKeyId(key)).toBe(kid.toString('base64url'));
    const cipher = createCipher(key);
    expect(cipher.kid).toBe(dataKeyId(key));
    expect(cipher.encrypt('x')).toMatch(new RegExp(`^v2:${dataKeyId(key)}:[A-Za-z0-9+/=]+$`));
  });

  it('seals with the current key and opens with any key of the ring, by its id', () => {
    const [oldKey, newKey] = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const sealedOld = createCipher(oldKey).encrypt('+44 20 7946 0958');
    const ring = createCipher(newKey, [oldKey]);
    expect(ring.decrypt(sealedOld)).toBe('+44 20 7946 0958');
    expect(ring.isCurrent(sealedOld)).toBe(false);
    const sealedNew = ring.encrypt('+44 20 7946 0958');
    expect(sealedNew.startsWith(`v2:${dataKeyId(newKey)}:`)).toBe(true);
    expect(ring.isCurrent(sealedNew)).toBe(true);
    expect(createCipher(newKey).decrypt(sealedNew)).toBe('+44 20 7946 0958');

    const error = failureOf(() => createCipher(newKey).decrypt(sealedOld));
    expect(error).toBeInstanceOf(CipherError);
    expect(error).toMatchObject({ code: 'DATA_KEY_UNKNOWN', kid: dataKeyId(oldKey) });
    expect((error as Error).message).toContain(dataKeyId(oldKey));
  });

  it('still opens v1 values, which name no key, with whichever key of the ring sealed them', () => {
    const [oldKey, newKey] = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const v1 = sealV1(oldKey, '{"amountMinor":3500000,"currency":"EUR"}');
    expect(createCipher(oldKey).decrypt(v1)).toBe('{"amountMinor":3500000,"currency":"EUR"}');
    const ring = createCipher(newKey, [oldKey]);
    expect(ring.decrypt(v1)).toBe('{"amountMinor":3500000,"currency":"EUR"}');
    expect(ring.isCurrent(v1)).toBe(false);
    expect(failureOf(() => createCipher(newKey).decrypt(v1))).toMatchObject({
      code: 'CIPHER_FAILED',
    });
  });

  it('reads the ring from the configuration', () => {
    const [oldKey, newKey] = [crypto.randomBytes(32), crypto.randomBytes(32)];
    const cipher = loadCipher({
      DATA_DIR: os.tmpdir(),
      DATA_ENCRYPTION_KEY: newKey.toString('base64'),
      DATA_ENCRYPTION_PREVIOUS_KEYS: [oldKey.toString('base64')],
    });
    expect(cipher.kid).toBe(dataKeyId(newKey));
    expect(cipher.decrypt(createCipher(oldKey).encrypt('a'))).toBe('a');
  });

  it('keeps one generated key under DATA_DIR, so a restart reads what it wrote', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cipher-'));
    try {
      const first = loadDataKey({ DATA_DIR: dataDir });
      expect(loadDataKey({ DATA_DIR: dataDir }).equals(first)).toBe(true);
      const configured = crypto.randomBytes(32);
      expect(
        loadDataKey({ DATA_DIR: dataDir, DATA_ENCRYPTION_KEY: configured.toString('base64') }),
      ).toEqual(configured);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
