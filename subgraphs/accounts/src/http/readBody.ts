import type { IncomingMessage } from 'node:http';
import { readBodyText } from '../../../../runtime';
import { invalid } from '../errors';

/** Largest body a sign-in route reads: 16 KB. */
export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = () => invalid('body', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The body of a sign-in request as an object: JSON, or (`form: true`) also
 * `application/x-www-form-urlencoded` as OAuth clients send it. Anything else is a 400.
 */
export async function readBody(
  req: IncomingMessage,
  options: { form?: boolean } = {},
): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const text = await readBodyText(req, MAX_BODY_BYTES, tooLarge);
  if (options.form && type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type !== 'application/json') {
    throw invalid('body', 'Send the body as application/json.');
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw invalid('body', 'The request body is not valid JSON.');
  }
  if (!isObject(body)) throw invalid('body', 'The request body is a JSON object.');
  return body;
}
