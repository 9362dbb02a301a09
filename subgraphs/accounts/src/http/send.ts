import type { ServerResponse } from 'node:http';
import { AccountsError } from '../errors';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer that no cache keeps (it may hold a token). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** An answer without a body. */
export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.end();
}

/**
 * A refusal in the platform's shape, with sign-in's own code (INVALID_CREDENTIALS, …) and
 * the field at fault. Errors that are not ours go on to the runtime, which answers 500.
 */
export function sendRefusal(res: ServerResponse, error: unknown, headers = {}): void {
  if (!(error instanceof AccountsError)) throw error;
  const extensions = {
    ...error.extensions,
    code: error.accountsCode,
    ...(error.field && { field: error.field }),
  };
  sendJson(res, error.status, { errors: [{ message: error.message, extensions }] }, headers);
}
