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
