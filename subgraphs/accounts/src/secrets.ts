import crypto from 'node:crypto';

/** A fresh random token for a cookie or a link: 32 bytes, base64url (43 characters). */
export const randomToken = (): string => crypto.randomBytes(32).toString('base64url');

/** What is stored of a token: its SHA-256, hex. Tokens are random, so no salt is needed. */
export const tokenHash = (token: string): string =>
  crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** The shape every token this module hands out has; anything else is no token of ours. */
export const isTokenShape = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
