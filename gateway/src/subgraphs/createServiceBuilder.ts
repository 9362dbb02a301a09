import type {
  GraphQLDataSource,
  GraphQLDataSourceProcessOptions,
  ServiceEndpointDefinition,
} from '@apollo/gateway';
// The package's index does not re-export the request kinds.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayAssertionSigner, Logger } from '../../../runtime/edge';
import type { GatewayContext } from '../context/GatewayContext';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics';
import type { DeadlineFetcher } from './createHttpFetcher';
import type { Deadline } from './Deadline';
import {
  createSubgraphPolicy,
  type CircuitStateName,
  type SubgraphPolicy,
  type SubgraphPolicyEvents,
} from './createSubgraphPolicy';
import { dedupeRepresentations } from './dedupeRepresentations';
import { mergeEntityFetches } from './mergeEntityFetches';
import { HttpDataSource } from './HttpDataSource';
import { InProcessDataSource } from './InProcessDataSource';
import { placeOnFields } from './placeOnFields';
import { withDefaults, type SubgraphPolicyOptions } from './SubgraphPolicyOptions';
import type { SubgraphEndpoint } from './SubgraphEndpoint';
import { subgraphUnavailable } from './SubgraphUnavailableError';

export interface ServiceBuilderOptions {
  /** Endpoints by subgraph name; a subgraph not listed is called at its URL in the supergraph. */
  subgraphs: Record<string, SubgraphEndpoint>;
  fetcher: DeadlineFetcher;
  metrics?: GatewayMetrics;
  /** Signs the assertion sent to HTTP subgraphs; none is sent without it. */
  assertion?: GatewayAssertionSigner;
  /** The policy of every subgraph (defaults: `DEFAULT_SUBGRAPH_POLICY`). */
  policy?: SubgraphPolicyOptions;
  /** Changes to it for some subgraphs, by name. */
  policies?: Record<string, SubgraphPolicyOptions>;
  logger?: Logger;
  /** Merges a request's entity fetches that are ready together (default true). */
  mergeEntityFetches?: boolean;
}

/** A subgraph as the gateway built it: its policy, and a probe for readiness. */
export interface BuiltSubgraph {
  readonly name: string;
  readonly policy: SubgraphPolicy;
  /** Resolves when the subgraph answers `{ __typename }` within `timeoutMs` (and says it is ready). */
  probe(timeoutMs: number): Promise<void>;
}

export interface ServiceBuilder {
  (definition: ServiceEndpointDefinition): GraphQLDataSource<GatewayContext>;
  /** The subgraphs built so far, by name. */
  readonly built: ReadonlyMap<string, BuiltSubgraph>;
}

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;
interface Source {
  process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    deadline?: Deadline,
  ): Promise<Response>;
}

/**
 * `ApolloGateway`'s `buildService`: one data source per subgraph of the
 * supergraph, each behind its own resilience policy (deadline, concurrency cap,
 * circuit breaker, retries for reads).
 */
export function createServiceBuilder(options: ServiceBuilderOptions): ServiceBuilder {
  const built = new Map<string, BuiltSubgraph>();
  const build = ({ name, url }: ServiceEndpointDefinition): GraphQLDataSource<GatewayContext> => {
    const endpoint: SubgraphEndpoint | undefined =
      options.subgraphs[name] ?? (url ? { url } : undefined);
    if (!endpoint) throw new Error(`Subgraph "${name}" has no URL and no in-process executor.`);
    const source: Source =
      'execute' in endpoint
        ? new InProcessDataSource(name, endpoint.execute)
        : new HttpDataSource(name, endpoint.url, options.fetcher, options.assertion);
    const policy = createSubgraphPolicy(
      name,
      withDefaults(options.policy ?? {}, options.policies?.[name] ?? {}),
      observePolicy(name, options),
    );
    const ready = 'ready' in endpoint ? endpoint.ready : undefined;
    built.set(name, {
      name,
      policy,
      async probe(timeoutMs) {
        await policy
          .probe((deadline) => source.process(probeOptions(), deadline), timeoutMs)
          .catch((error: unknown) => {
            // Any answer, even a refusal of the probe's missing token, shows it is reachable.
            if (subgraphUnavailable(error)) throw error;
          });
        if (ready && !(await ready())) throw new Error(`The ${name} subgraph is not ready.`);
      },
    });
    const guarded: GraphQLDataSource<GatewayContext> = {
      process: (request) =>
        policy.execute((deadline) => source.process(request, deadline), isRead(request)),
    };
    const measured = options.metrics ? observed(name, guarded, options.metrics) : guarded;
    const merged = options.mergeEntityFetches === false ? measured : mergeEntityFetches(measured);
    return dedupeRepresentations(placeOnFields(merged));
  };
  return Object.assign(build, { built });
}

/** Only a query is retried: a mutation may have been applied even when its answer was lost. */
function isRead(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return true;
  return options.incomingRequestContext.operation?.operation === 'query';
}

/** A request that asks the subgraph for nothing but proves it answers. */
function probeOptions(): GraphQLDataSourceProcessOptions<GatewayContext> {
  const id = `readiness-${Date.now()}`;
  const context: GatewayContext = { identity: null, requestId: id, correlationId: id };
  return {
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: { query: '{ __typename }' },
    context,
  };
}

const CIRCUIT_STATES: CircuitStateName[] = ['closed', 'half-open', 'open'];

/** Records a policy's breaker state and refusals in the metrics, and logs its openings. */
function observePolicy(subgraph: string, options: ServiceBuilderOptions): SubgraphPolicyEvents {
  const { metrics, logger } = options;
  const setCircuit = (current: CircuitStateName) => {
    for (const state of CIRCUIT_STATES) {
      metrics?.subgraphCircuit.set({ subgraph, state }, state === current ? 1 : 0);
    }
  };
  setCircuit('closed');
  return {
    onCircuitChange(state) {
      setCircuit(state);
      if (state === 'open') logger?.warn({ subgraph }, 'subgraph circuit opened');
      else if (state === 'closed') logger?.info({ subgraph }, 'subgraph circuit closed');
    },
    onRefused(reason) {
      metrics?.subgraphRefused.inc({ subgraph, reason });
    },
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
