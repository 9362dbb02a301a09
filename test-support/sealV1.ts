import crypto from 'node:crypto';

/**
 * A value as the cipher sealed it before values named their key: `v1:<base64 of iv, tag,
 * ciphertext>`, AES-256-GCM. Databases written then still hold such values.
 */
export function sealV1(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}
