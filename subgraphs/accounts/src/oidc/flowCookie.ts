import type { IncomingMessage } from 'node:http';
import type { Cipher } from '../../../../runtime';

/** The cookie that carries one sign-in's checks from the login route to the callback. */
export const FLOW_COOKIE = 'hr_oidc';

/** Sent back to the OIDC routes only. */
const FLOW_PATH = '/auth/oidc';

/** How long a person has at the provider before the sign-in must start again: 10 minutes. */
export const FLOW_TTL_SECONDS = 600;

/** Longest cookie value read: a sealed flow is about 300 characters. */
const MAX_VALUE = 2048;

/** The checks of one sign-in: the state, the nonce and the PKCE code verifier. */
export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
}

interface Sealed extends OidcFlow {
  /** Until when, in ms since the epoch. */
  until: number;
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  // Lax, not Strict: the callback is a navigation from the provider's site, and must see it.
  const parts = [
    `${FLOW_COOKIE}=${value}`,
    'HttpOnly',
    'SameSite=Lax',
    `Path=${FLOW_PATH}`,
    `Max-Age=${maxAge}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The Set-Cookie carrying `flow`, encrypted and authenticated with the data key: the browser
 * keeps it but can neither read the verifier nor change anything in it.
 */
export function flowCookie(cipher: Cipher, flow: OidcFlow, now: Date, secure: boolean): string {
  const sealed: Sealed = { ...flow, until: now.getTime() + FLOW_TTL_SECONDS * 1000 };
  const value = Buffer.from(cipher.encrypt(JSON.stringify(sealed))).toString('base64url');
  return cookie(value, FLOW_TTL_SECONDS, secure);
}

/** The Set-Cookie that removes the flow cookie (each flow is used once). */
export const clearedFlowCookie = (secure: boolean) =>
  cookie('', 0, secure).replace('Max-Age=0', 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT');

function valueOf(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at >= 0 && part.slice(0, at).trim() === FLOW_COOKIE) return part.slice(at + 1).trim();
  }
  return undefined;
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200;

/** The flow the request's cookie carries; undefined when absent, altered or expired. */
export function flowOf(cipher: Cipher, req: IncomingMessage, now: Date): OidcFlow | undefined {
  const value = valueOf(req);
  if (!value || value.length > MAX_VALUE || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  let sealed: Partial<Sealed>;
  try {
    sealed = JSON.parse(cipher.decrypt(Buffer.from(value, 'base64url').toString('utf8'))) ?? {};
  } catch {
    return undefined;
  }
  const { state, nonce, verifier, until } = sealed;
  if (!isText(state) || !isText(nonce) || !isText(verifier)) return undefined;
  if (typeof until !== 'number' || until <= now.getTime()) return undefined;
  return { state, nonce, verifier };
}
