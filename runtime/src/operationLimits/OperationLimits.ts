import type { GraphQLFormattedError } from 'graphql';
import {
  isStackOverflowMessage,
  isTokenLimitError,
  TOO_DEEP_MESSAGE,
  tokenLimitMessage,
} from './parseOperation';

/** Limits checked before an operation is planned or any subgraph is called. */
export interface OperationLimits {
  /** Deepest field nesting (default 12). Introspection fields are not counted. */
  maxDepth?: number;
  /** Aliased fields, fragments expanded (default 30). */
  maxAliases?: number;
  /** Lexical tokens of the document, enforced while parsing (default 5000). */
  maxTokens?: number;
  /** Fields weighed and times list sizes (default 20 000; see `createOperationAnalyzer`). */
  maxCost?: number;
  /** Directive uses anywhere in the document (default 8). */
  maxDirectives?: number;
  /** Deepest nesting of lists and objects in the variables (default 32). */
  maxVariableDepth?: number;
  /** Request body size in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** List size assumed when nothing (`@listSize`, a size argument, a period) gives one (default 10). */
  defaultListSize?: number;
}

/**
 * The defaults, measured against the front end's operations (schema/contract), which
 * must all pass with their largest variables, and against what must not:
 *
 * - maxCost 20 000: the costliest contract operation is AuditLogs at its largest page
 *   (first: 500) at 6 506; then AttendanceMonth over a year 2 930, Timecard over a year
 *   2 564, TeamDashboard 1 614, AccrualDays over a year 1 097. A year of days for a page
 *   of 100 employees costs about 220 000 and is refused: such reads page by fewer people.
 *   (With every list counted as 10, seven such pages under aliases cost 44 807; six of
 *   those queries passed the old limit of 50 000 and held the gateway for 13 s.)
 * - maxDepth 12, maxAliases 30: contract operations nest at most 5 deep and use no alias.
 * - maxDirectives 8: contract operations use none; a few @include/@skip is what a
 *   hand-written operation needs, while documents that repeat directives to multiply the
 *   server's work (directive overloading, 10 in graphql-cop's probe) are refused.
 * - maxTokens 5 000: the longest contract operation (TeamDashboard) has 132 tokens.
 * - maxVariableDepth 32: contract inputs nest at most 3 deep (an input, its list, an item);
 *   thousands of levels would exhaust the stack of whatever walks them.
 */
export const DEFAULT_LIMITS: Required<OperationLimits> = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxCost: 20_000,
  maxDirectives: 8,
  maxVariableDepth: 32,
  maxBodyBytes: 1024 * 1024,
  defaultListSize: 10,
};

export function resolveLimits(limits: OperationLimits = {}): Required<OperationLimits> {
  const resolved = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits) as [keyof OperationLimits, unknown][]) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new TypeError(`Operation limit ${key} must be a positive number.`);
    }
    resolved[key] = value;
  }
  return resolved;
}

/**
 * A document Apollo could not parse, in the gateway's words: graphql-js reports the token
 * limit as a syntax error in its own words, and a document nested past the parser's stack
 * as the stack's error; this names the limit, or says the document nests too deeply.
 */
export function nameParseFailure(
  formatted: GraphQLFormattedError,
  maxTokens: number,
): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  if (isStackOverflowMessage(formatted.message)) {
    return {
      ...formatted,
      message: TOO_DEEP_MESSAGE,
      extensions: { ...formatted.extensions, reason: 'SYNTAX_ERROR' },
    };
  }
  if (!isTokenLimitError(formatted.message)) return formatted;
  return {
    ...formatted,
    message: tokenLimitMessage(maxTokens),
    extensions: { ...formatted.extensions, limit: 'maxTokens' },
  };
}
