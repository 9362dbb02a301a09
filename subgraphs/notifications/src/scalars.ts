import { GraphQLScalarType, Kind } from 'graphql';

const asString = (value: unknown, scalar: string): string => {
  if (typeof value !== 'string') throw new TypeError(`${scalar} must be a string.`);
  return value;
};

const literal = (scalar: string) => (ast: { kind: Kind; value?: unknown }) => {
  if (ast.kind !== Kind.STRING) throw new TypeError(`${scalar} must be a string.`);
  return ast.value as string;
};

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, RFC 3339 with an offset; always returned in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => asString(value, 'DateTime'),
  parseLiteral: literal('DateTime'),
});
