import { longerThan } from '../../../runtime';
import { invalid } from './errors';

/** Longest e-mail address accepted (RFC 5321's path limit). */
export const MAX_EMAIL = 254;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;

const ADDRESS = /^[^\s@<>"',;:()[\]\\]+@[^\s@<>"',;:()[\]\\]+$/;

/** The e-mail of `body[field]`, trimmed and lower case; a 400 naming the field otherwise. */
export function readEmail(body: Record<string, unknown>, field = 'email'): string {
  const raw = body[field];
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid(field, 'An e-mail is required.');
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL)
    throw invalid(field, `An e-mail is at most ${MAX_EMAIL} characters.`);
  if (!ADDRESS.test(email)) throw invalid(field, 'This is not an e-mail address.');
  return email;
}

/**
 * The password of `body[field]`: 12 to 256 characters (code points), kept as typed. A new
 * password is checked the same way; a sign-in with a password outside the bounds is refused
 * before any work is spent on it.
 */
export function readPassword(body: Record<string, unknown>, field = 'password'): string {
  const raw = body[field];
  if (typeof raw !== 'string' || raw === '') throw invalid(field, 'A password is required.');
  const length = [...raw].length;
  if (length < MIN_PASSWORD)
    throw invalid(field, `A password has at least ${MIN_PASSWORD} characters.`);
  if (length > MAX_PASSWORD)
    throw invalid(field, `A password has at most ${MAX_PASSWORD} characters.`);
  return raw;
}

/** A text of `body[field]` of 1 to `max` characters on one line. */
export function readText(body: Record<string, unknown>, field: string, max: number): string {
  const raw = body[field];
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid(field, `${field} is required.`);
  if (longerThan(raw, max)) throw invalid(field, `${field} is at most ${max} characters.`);
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw invalid(field, `${field} is one line of text.`);
  return raw;
}
