import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import type { CostDirectives, Logger } from '../../../runtime/edge';
import type { GatewayOptions } from '../GatewayOptions';
import { createSubgraphReadiness, type SubgraphReadiness } from '../health/createSubgraphReadiness';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics';
import { watchCostDirectives } from '../operations/watchCostDirectives';
import type { DeadlineFetcher } from './createHttpFetcher';
import { createServiceBuilder } from './createServiceBuilder';

export interface Federation {
  gateway: ApolloGateway;
  /** The `@cost` and `@listSize` of each schema the gateway loads. */
  costsOf(schema: GraphQLSchema): CostDirectives | undefined;
  /** Which subgraphs are reachable, for `/health/ready`. */
  readiness: SubgraphReadiness;
}

export type FederationOptions = Pick<
  GatewayOptions,
  | 'supergraphSdl'
  | 'subgraphs'
  | 'subgraphAssertion'
  | 'subgraphPolicy'
  | 'subgraphPolicies'
  | 'readiness'
  | 'mergeEntityFetches'
>;

/** Apollo Gateway over the supergraph, each subgraph behind its own data source and policy. */
export function createFederation(
  options: FederationOptions,
  {
    fetcher,
    metrics,
    logger,
  }: { fetcher: DeadlineFetcher; metrics: GatewayMetrics; logger: Logger },
): Federation {
  const buildService = createServiceBuilder({
    subgraphs: options.subgraphs ?? {},
    fetcher,
    metrics,
    assertion: options.subgraphAssertion,
    policy: options.subgraphPolicy,
    policies: options.subgraphPolicies,
    logger,
    mergeEntityFetches: options.mergeEntityFetches,
  });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService,
    logger,
    // Each fetch carries its parsed operation, made once with the plan: merging fetches and
    // placing a subgraph's unavailability on fields read it instead of parsing per call.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
  });
  return {
    gateway,
    costsOf: watchCostDirectives(gateway),
    readiness: createSubgraphReadiness(buildService.built, options.readiness),
  };
}
