import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/**
 * Inputs are kept as given and checked in the resolvers, so a bad value is a
 * BAD_USER_INPUT that names its field (a scalar cannot know where it stands).
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, RFC 3339 with an offset; always returned in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast)),
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
