import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

export interface SubgraphDefinition {
  name: string;
  typeDefs: DocumentNode;
}

export class CompositionError extends Error {
  override name = 'CompositionError';
  readonly code = 'COMPOSITION_FAILED';
}

/**
 * The URL a subgraph has in the committed supergraph: its service name in
 * docker-compose. All-in-one ignores it (calls are in-process) and any other
 * deployment overrides it with SUBGRAPH_URL_<NAME>.
 */
export const defaultSubgraphUrl = (name: string): string => `http://${name}:4001/graphql`;

/** Composes the subgraphs' SDL into the supergraph SDL the gateway runs on. */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: defaultSubgraphUrl(s.name) })),
  );
  if (result.errors) {
    throw new CompositionError(result.errors.map((e) => e.message).join('\n'));
  }
  return result.supergraphSdl;
}
