import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** `JSON`: an entry's old and new values and a dead letter's envelope, as they are. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
