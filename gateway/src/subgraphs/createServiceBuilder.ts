import type { GraphQLDataSource, ServiceEndpointDefinition } from '@apollo/gateway';
import type { GatewayAssertionSigner } from '../../../runtime/src/auth';
import type { GatewayContext } from '../context/GatewayContext';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics';
import type { Fetcher } from './createHttpFetcher';
import { HttpDataSource } from './HttpDataSource';
import { InProcessDataSource } from './InProcessDataSource';
import type { SubgraphEndpoint } from './SubgraphEndpoint';

export interface ServiceBuilderOptions {
  /** Endpoints by subgraph name; a subgraph not listed is called at its URL in the supergraph. */
  subgraphs: Record<string, SubgraphEndpoint>;
  fetcher: Fetcher;
  metrics?: GatewayMetrics;
  /** Signs the assertion sent to HTTP subgraphs; none is sent without it. */
  assertion?: GatewayAssertionSigner;
}

/** `ApolloGateway`'s `buildService`: one data source per subgraph of the supergraph. */
export function createServiceBuilder(options: ServiceBuilderOptions) {
  return ({ name, url }: ServiceEndpointDefinition): GraphQLDataSource<GatewayContext> => {
    const endpoint: SubgraphEndpoint | undefined =
      options.subgraphs[name] ?? (url ? { url } : undefined);
    if (!endpoint) throw new Error(`Subgraph "${name}" has no URL and no in-process executor.`);
    const source =
      'execute' in endpoint
        ? new InProcessDataSource(endpoint.execute)
        : new HttpDataSource(name, endpoint.url, options.fetcher, options.assertion);
    return options.metrics ? observed(name, source, options.metrics) : source;
  };
}

function observed(
  subgraph: string,
  source: GraphQLDataSource<GatewayContext>,
  metrics: GatewayMetrics,
): GraphQLDataSource<GatewayContext> {
  return {
    async process(options) {
      const end = metrics.subgraphDuration.startTimer({ subgraph });
      try {
        const response = await source.process(options);
        end({ outcome: response.errors?.length ? 'errors' : 'ok' });
        return response;
      } catch (error) {
        end({ outcome: 'failed' });
        throw error;
      }
    },
  };
}
