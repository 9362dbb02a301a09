import type { IncomingMessage } from 'node:http';
import { isTokenShape } from '../secrets';

/** The refresh cookie's name (the web app never reads it: it is HttpOnly). */
export const REFRESH_COOKIE = 'hr_refresh';

/** Sent back only to sign-in's own routes. */
const COOKIE_PATH = '/auth';

/** The refresh token the request's cookie carries, or undefined (absent or not of our shape). */
export function refreshTokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    return isTokenShape(value) ? value : undefined;
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
}

/** The Set-Cookie of a session's refresh token, for `maxAgeSeconds`. */
export function refreshCookie(token: string, maxAgeSeconds: number, options: CookieOptions) {
  const parts = [
    `${REFRESH_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Strict',
    `Path=${COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.round(maxAgeSeconds))}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The Set-Cookie that removes the refresh cookie. */
export const clearedCookie = (options: CookieOptions) =>
  refreshCookie('', 0, options).replace(
    'Max-Age=0',
    'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
  );
