import {
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import {
  ErrorCode,
  type OperationCheck,
  OperationRefusedError,
  parseOperation,
} from '../../../../runtime/edge';
import { neutralMessage } from '../../errors/neutralMessage';
import { refusalOf, type Refusal } from '../subscriptionErrors';

export interface DocumentCacheOptions {
  /** The operation check: its token limit, and its limit on directives. */
  check: OperationCheck;
  /** Strip "Did you mean" suggestions from validation errors. */
  hideSuggestions?: boolean;
}

export interface DocumentCache {
  /** The query parsed and valid against `schema`, or why not. */
  get(schema: GraphQLSchema, query: string): DocumentNode | Refusal;
  /** Forgets every document (the schema changed). */
  clear(): void;
}

const MAX_CACHED_DOCUMENTS = 500;

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** A validation error as BAD_USER_INPUT, in neutral words, with or without suggestions. */
function formatInvalid(error: GraphQLError, hideSuggestions = false): GraphQLFormattedError {
  const formatted = error.toJSON();
  const message = neutralMessage(
    hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message,
  );
  return { ...formatted, message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
}

function parseValid(options: DocumentCacheOptions, schema: GraphQLSchema, query: string) {
  const document = parseOperation(query, options.check.limits.maxTokens);
  if (document instanceof OperationRefusedError) return refusalOf(document);
  const invalid = validate(schema, document);
  if (invalid.length === 0) return document;
  // Over the directive limit, that one refusal rather than an error per directive.
  const tooManyDirectives = options.check.directives(document);
  if (tooManyDirectives) return refusalOf(tooManyDirectives);
  return { errors: invalid.map((error) => formatInvalid(error, options.hideSuggestions)) };
}

/** Clients send the same few documents: each is parsed and validated once per schema. */
export function createDocumentCache(options: DocumentCacheOptions): DocumentCache {
  let parsed = new Map<string, DocumentNode | Refusal>();
  return {
    get(schema, query) {
      let found = parsed.get(query);
      if (found) return found;
      found = parseValid(options, schema, query);
      if (parsed.size >= MAX_CACHED_DOCUMENTS) parsed.clear();
      parsed.set(query, found);
      return found;
    },
    clear() {
      parsed = new Map();
    },
  };
}
