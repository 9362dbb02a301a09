import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** An error in a subgraph's answer: parsed JSON, or a GraphQLError the gateway made. */
export type AnswerError = GraphQLFormattedError | GraphQLError;

/** `error` at `path` instead of its own, of the same kind (Apollo reads both kinds). */
export function errorAt(error: AnswerError, path: (string | number)[] | undefined): AnswerError {
  if (!(error instanceof GraphQLError)) return { ...error, path };
  return new GraphQLError(error.message, {
    path,
    nodes: error.nodes,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}
