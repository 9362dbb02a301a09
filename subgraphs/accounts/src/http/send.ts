import type { ServerResponse } from 'node:http';
import { findDomainError } from '../../../../runtime';
import { routeCodeOf, routeStatusOf } from '../errors';

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
 * A refusal in the platform's shape, with sign-in's own code (INVALID_CREDENTIALS, …) or the
 * platform's, the field at fault, and the status of either. Errors that are no refusal go on
 * to the runtime, which answers 500.
 */
export function sendRefusal(res: ServerResponse, error: unknown, headers = {}): void {
  const refusal = findDomainError(error);
  if (!refusal) throw error;
  const extensions = {
    ...refusal.extensions,
    code: routeCodeOf(refusal),
    ...(refusal.field && { field: refusal.field }),
  };
  sendJson(
    res,
    routeStatusOf(refusal),
    { errors: [{ message: refusal.message, extensions }] },
    headers,
  );
}
