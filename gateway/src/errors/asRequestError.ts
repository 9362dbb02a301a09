import type { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { type DomainError, httpStatusOf, toGraphQLError } from '../../../runtime/edge';

/**
 * A domain error as Apollo answers a whole request with it: its code, and the HTTP
 * status runtime's table gives that code, with `headers` (Retry-After, say) on the answer.
 */
export function asRequestError(error: DomainError, headers?: HeaderMap): GraphQLError {
  const { message, extensions } = toGraphQLError(error);
  return new GraphQLError(message, {
    originalError: error,
    // Apollo reads `http` only when `headers`, if there, is a map.
    extensions: {
      ...extensions,
      http: { status: httpStatusOf(error.code), ...(headers && { headers }) },
    },
  });
}
