import type { GraphQLFormattedError } from 'graphql';

/** Limits checked before an operation is planned or any subgraph is called. */
export interface OperationLimits {
  /** Deepest field nesting (default 12). Introspection fields are not counted. */
  maxDepth?: number;
  /** Aliased fields, fragments expanded (default 30). */
  maxAliases?: number;
  /** Lexical tokens of the document, enforced while parsing (default 5000). */
  maxTokens?: number;
  /** Fields times list sizes (default 50 000; see `createOperationAnalyzer`). */
  maxCost?: number;
  /** Request body size in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** List size assumed when no `first`/`last`/`limit`/`take` argument gives one (default 10). */
  defaultListSize?: number;
}

export const DEFAULT_LIMITS: Required<OperationLimits> = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxCost: 50_000,
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
 * graphql-js reports the token limit as a syntax error in its own words; this
 * names the limit like the gateway's other limits do.
 */
export function nameTokenLimit(
  formatted: GraphQLFormattedError,
  maxTokens: number,
): GraphQLFormattedError {
  if (
    formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED' ||
    !/contains more tha[nt] \d+ tokens/.test(formatted.message)
  ) {
    return formatted;
  }
  return {
    ...formatted,
    message: `The operation has more than ${maxTokens} tokens, the limit (maxTokens).`,
    extensions: { ...formatted.extensions, limit: 'maxTokens' },
  };
}
