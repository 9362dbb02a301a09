import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { DomainError, ErrorCode, httpStatusOf, toGraphQLError } from '../errors';

/**
 * A refused caller, thrown from Apollo's context function, as the GraphQL
 * error Apollo answers with: the HTTP status of its code (401 with a Bearer
 * challenge, 403, or 503 when the issuer's keys are down) instead of 500.
 * Anything but a DomainError is left as it is.
 */
export function authFailure(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const graphqlError = toGraphQLError(error);
  const unauthenticated = error.code === ErrorCode.UNAUTHENTICATED;
  const headers = new HeaderMap(unauthenticated ? [['www-authenticate', 'Bearer']] : []);
  return new GraphQLError(graphqlError.message, {
    originalError: error,
    extensions: { ...graphqlError.extensions, http: { status: httpStatusOf(error.code), headers } },
  });
}
