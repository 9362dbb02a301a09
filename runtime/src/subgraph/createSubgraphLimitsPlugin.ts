import type { DocumentNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  createOperationCheck,
  readCostDirectives,
  refusalAsRequestError,
  type IntrospectionMode,
  type OperationLimits,
} from '../operationLimits';
import type { Identity } from '../identity';

export interface SubgraphLimitsOptions {
  /** The subgraph's SDL, whose `@cost` and `@listSize` the cost rule reads. */
  typeDefs: DocumentNode;
  /** The limits (default: the gateway's defaults, `DEFAULT_LIMITS`). */
  limits?: OperationLimits;
  /** Who may introspect the subgraph's own schema (default `restricted`). */
  introspection?: IntrospectionMode;
}

/**
 * The gateway's operation check, in a subgraph: a subgraph must be safe when reached
 * directly, so it refuses what the gateway would refuse. The query planner's own
 * operations pass it: `_entities` is counted by the representations it is given, and
 * the gateway already refused anything deeper, wider or costlier.
 */
export function createSubgraphLimitsPlugin<C extends BaseContext & { identity?: Identity | null }>(
  options: SubgraphLimitsOptions,
): ApolloServerPlugin<C> {
  const check = createOperationCheck({
    limits: options.limits,
    introspection: options.introspection,
    cost: { listSizeArguments: ['first', 'last', 'limit', 'take', 'representations'] },
  });
  const costs = readCostDirectives(options.typeDefs);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          const result = check({
            schema,
            costs,
            document,
            operationName: request.operationName,
            variables: request.variables,
            identity: contextValue.identity ?? null,
          });
          if ('refusal' in result) throw refusalAsRequestError(result.refusal);
        },
      };
    },
  };
}
