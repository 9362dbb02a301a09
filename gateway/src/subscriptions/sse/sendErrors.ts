import type { ServerResponse } from 'node:http';
import type { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, httpStatusOf } from '../../../../runtime/edge';

/** Answers with the errors as JSON, with `status` or else the first error's code's status. */
export function sendErrors(
  res: ServerResponse,
  errors: readonly GraphQLFormattedError[],
  status?: number,
): void {
  res.writeHead(status ?? httpStatusOf(errors[0]?.extensions?.code), {
    'content-type': 'application/json; charset=utf-8',
  });
  res.end(JSON.stringify({ errors }));
}

/**
 * Answers a request whose context could not be made: 429 with Retry-After and the
 * RateLimit headers over a rate limit, else 401.
 */
export function refuseContext(res: ServerResponse, error: unknown): void {
  if (error instanceof GraphQLError && error.extensions.code === ErrorCode.RATE_LIMITED) {
    const { http, ...extensions } = error.extensions as { http?: { headers?: HeaderMap } };
    for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
    return sendErrors(res, [{ message: error.message, extensions }]);
  }
  res.setHeader('www-authenticate', 'Bearer');
  sendErrors(res, [
    {
      message: 'A valid bearer token is required.',
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    },
  ]);
}
