import { GraphQLScalarType, Kind } from 'graphql';

/** `DateTime` as leave returns it: an instant, always in UTC. Leave takes none as input. */
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
