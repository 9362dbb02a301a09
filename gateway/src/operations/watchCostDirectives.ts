import type { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { type CostDirectives, readCostDirectives } from '../../../runtime/edge';

/**
 * Keeps the `@cost` and `@listSize` of each API schema the gateway loads. The API schema
 * Apollo hands plugins has them stripped, so they are read from its supergraph SDL.
 */
export function watchCostDirectives(
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate'>,
): (schema: GraphQLSchema) => CostDirectives | undefined {
  const bySchema = new WeakMap<GraphQLSchema, CostDirectives>();
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    bySchema.set(apiSchema, readCostDirectives(coreSupergraphSdl));
  });
  return (schema) => bySchema.get(schema);
}
