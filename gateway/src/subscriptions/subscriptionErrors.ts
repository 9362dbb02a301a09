import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, formatError, toGraphQLError } from '../../../runtime/edge';

/** A subscription refused before it starts, and why. */
export interface Refusal {
  errors: GraphQLFormattedError[];
}

/** A refusal with one error: the domain error's code from runtime's table, message and reason. */
export const refusalOf = (error: DomainError): Refusal => ({
  errors: [toGraphQLError(error).toJSON()],
});

/** A refusal of a request the client got wrong (BAD_USER_INPUT). */
export const badSubscription = (message: string, reason?: string): Refusal =>
  refusalOf(new DomainError(ErrorCode.BAD_USER_INPUT, message, reason));

/**
 * Any error thrown while a subscription or a socket's operation is set up, formatted as
 * runtime's `formatError` formats an answer's: a code from the table, nothing internal.
 */
export function formatThrown(error: unknown): GraphQLFormattedError {
  const formatted = error instanceof GraphQLError ? error.toJSON() : { message: 'Internal error.' };
  return formatError(formatted, error);
}
