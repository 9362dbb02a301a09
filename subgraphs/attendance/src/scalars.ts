import { GraphQLScalarType, Kind } from 'graphql';

const asString = (value: unknown, scalar: string): string => {
  if (typeof value !== 'string') throw new TypeError(`${scalar} must be a string.`);
  return value;
};

/** Inputs are kept as given and checked by the operation, so a bad one names its field. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, RFC 3339 with an offset; always returned in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => asString(value, 'DateTime'),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string.');
    return ast.value;
  },
});
