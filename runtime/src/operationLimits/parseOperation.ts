import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors';
import { OperationRefusedError } from './OperationRefusedError';

const TOO_MANY_TOKENS = /contains more tha[nt] \d+ tokens/;

/**
 * Parses an operation document with the token limit enforced while parsing, so an
 * oversized document costs no more than the limit; a syntax error is the client's.
 */
export function parseOperation(
  source: string,
  maxTokens: number,
): DocumentNode | OperationRefusedError {
  try {
    return parse(source, { maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    if (TOO_MANY_TOKENS.test(error.message)) {
      return new OperationRefusedError(
        ErrorCode.BAD_USER_INPUT,
        tokenLimitMessage(maxTokens),
        'LIMIT_EXCEEDED',
        { extensions: { limit: 'maxTokens' } },
      );
    }
    return new OperationRefusedError(ErrorCode.BAD_USER_INPUT, error.message, 'SYNTAX_ERROR', {
      cause: error,
    });
  }
}

export const tokenLimitMessage = (maxTokens: number) =>
  `The operation has more than ${maxTokens} tokens, the limit (maxTokens).`;

export const isTokenLimitError = (message: string) => TOO_MANY_TOKENS.test(message);
