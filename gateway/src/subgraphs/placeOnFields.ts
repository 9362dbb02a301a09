import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from '../context/GatewayContext';
import { subgraphUnavailable, type SubgraphUnavailableError } from './SubgraphUnavailableError';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Path = (string | number)[];

const ENTITIES = '_entities';

/** The response keys (alias or name) a selection asks for, `__typename` left out. */
function keysOf(selections: SelectionSetNode, typename?: string): string[] {
  const keys: string[] = [];
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename')
        keys.push((selection.alias ?? selection.name).value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value;
      if (!on || !typename || on === typename)
        keys.push(...keysOf(selection.selectionSet, typename));
    }
  }
  return [...new Set(keys)];
}

/**
 * The paths, in the subgraph's answer, of every field the fetch asked for: each root
 * field, or each field of each entity for an `_entities` fetch.
 */
export function requestedPaths(document: DocumentNode, variables: Record<string, unknown>): Path[] {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const roots = operation.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD,
  );
  const entities = roots.find((field) => field.name.value === ENTITIES);
  if (!entities?.selectionSet) return keysOf(operation.selectionSet).map((key) => [key]);
  const representations = Array.isArray(variables.representations)
    ? (variables.representations as { __typename?: unknown }[])
    : [];
  return representations.flatMap((representation, index) => {
    const typename =
      typeof representation?.__typename === 'string' ? representation.__typename : undefined;
    return keysOf(entities.selectionSet!, typename).map((key): Path => [ENTITIES, index, key]);
  });
}

/** One error per requested field, each carrying the unavailability as its cause. */
function errorsOnFields(
  options: GraphQLDataSourceProcessOptions<GatewayContext>,
  unavailable: SubgraphUnavailableError,
): Response {
  const { query, variables } = options.request;
  let document = 'document' in options ? options.document : undefined;
  try {
    document ??= query ? parse(query) : undefined;
  } catch {
    document = undefined;
  }
  const paths = document ? requestedPaths(document, variables ?? {}) : [];
  if (paths.length === 0) throw unavailable;
  const errors = paths.map(
    (path) => new GraphQLError(unavailable.message, { path, originalError: unavailable }),
  );
  return { errors } as unknown as Response;
}

/**
 * A subgraph that cannot answer fails the fields it was asked for, each with its own
 * UNAVAILABLE error at its own path: the gateway then nulls those fields alone (they are
 * nullable where another subgraph adds them to an entity), and a client sees beside
 * which field the data is missing. Without a path the error would stand for the whole
 * answer. Readiness probes and anything without an operation still throw.
 */
export function placeOnFields(
  source: GraphQLDataSource<GatewayContext>,
): GraphQLDataSource<GatewayContext> {
  return {
    async process(options) {
      try {
        return await source.process(options);
      } catch (error) {
        const unavailable = subgraphUnavailable(error);
        if (!unavailable || !('incomingRequestContext' in options)) throw error;
        return errorsOnFields(options, unavailable);
      }
    },
  };
}
