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
    if (isStackOverflow(error)) {
      return new OperationRefusedError(ErrorCode.BAD_USER_INPUT, TOO_DEEP_MESSAGE, 'SYNTAX_ERROR');
    }
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

/**
 * The parser recurses once per level of nesting: a few thousand brackets, well inside the
 * token limit, run it out of stack. Such a document is the client's mistake all the same.
 */
export const TOO_DEEP_MESSAGE = 'The operation nests too deeply to be read.';

const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError && /call stack/i.test(error.message);

/** Whether a parse failure's message is the stack running out (as Apollo reports it). */
export const isStackOverflowMessage = (message: string) => /^Maximum call stack/.test(message);
