import { GraphQLScalarType, Kind } from 'graphql';

/**
 * `Date`, shared by every subgraph that declares it. Inputs are kept as given
 * and checked by the operation that takes them, so a bad date is a
 * BAD_USER_INPUT naming its field (a scalar cannot know where it stands).
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD`.',
  serialize: (value) => asString(value),
  parseValue: (value) => asString(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string.');
    return ast.value;
  },
});

function asString(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('Date must be a string.');
  return value;
}

/**
 * `DateTime`: an instant, always returned in UTC. Inputs are kept as given and checked by
 * the operation, so a bad one is a BAD_USER_INPUT naming its field.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, RFC 3339 with an offset; always returned in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new TypeError('DateTime must be a string.');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string.');
    return ast.value;
  },
});
