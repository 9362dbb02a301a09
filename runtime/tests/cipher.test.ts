import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CipherError, createCipher, loadDataKey } from '../src/cipher';

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
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    // AES-GCM's authentication refuses both; any other failure would be a fault.
    const refused = 'Unsupported state or unable to authenticate data';
    expect(() => createCipher(key).decrypt(`v1:${raw.toString('base64')}`)).toThrow(refused);
    expect(() => createCipher(crypto.randomBytes(32)).decrypt(sealed)).toThrow(refused);
    expect(() => createCipher(key).decrypt('plain text')).toThrow(CipherError);
    expect(() => createCipher(crypto.randomBytes(16))).toThrow(CipherError);
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
