import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Registry } from 'prom-client';
import type { TokenVerifier } from '../../runtime/src/auth';
import { formatError } from '../../runtime/src/errors';
import {
  close,
  createHttpServer,
  listen,
  type RouteHandler,
} from '../../runtime/src/http/createHttpServer';
import { createLogger, type Logger } from '../../runtime/src/logger';
import { createTracingPlugin } from '../../runtime/src/traceContext';
import {
  createContextFactory,
  type AuthMode,
  type ContextFactory,
} from './context/createContextFactory';
import { createRequestIdPlugin } from './context/createRequestIdPlugin';
import type { GatewayContext } from './context/GatewayContext';
import { createLoggingPlugin } from './logging/createLoggingPlugin';
import { createGatewayMetrics } from './metrics/createGatewayMetrics';
import { createMetricsPlugin } from './metrics/createMetricsPlugin';
import { createOperationAnalyzer } from './operations/createOperationAnalyzer';
import {
  createOperationGuardPlugin,
  type IntrospectionMode,
} from './operations/createOperationGuardPlugin';
import { nameTokenLimit, resolveLimits, type OperationLimits } from './operations/OperationLimits';
import {
  createSubgraphReadiness,
  type SubgraphReadinessOptions,
} from './health/createSubgraphReadiness';
import { createHttpFetcher } from './subgraphs/createHttpFetcher';
import { createServiceBuilder } from './subgraphs/createServiceBuilder';
import type { SubgraphPolicyOptions } from './subgraphs/createSubgraphPolicy';
import type { SubgraphEndpoint } from './subgraphs/SubgraphEndpoint';
import {
  attachSubscriptions,
  type AttachedSubscriptions,
} from './subscriptions/attachSubscriptions';
import type { SubscriptionsOptions } from './subscriptions/SubscriptionField';

export interface GatewayOptions {
  /** The composed supergraph SDL. */
  supergraphSdl: string;
  /**
   * Endpoints by subgraph name (the `name` of `@join__graph`): a URL, or an
   * in-process executor. A subgraph not listed is called at its supergraph URL.
   */
  subgraphs?: Record<string, SubgraphEndpoint>;
  /** `required` (default): every GraphQL request needs a valid bearer token. */
  auth?: AuthMode;
  /** Verifies bearer tokens; required unless `auth` is `off`. */
  verifier?: TokenVerifier;
  /** `restricted` (default): only ADMIN and PARTNER tokens may introspect. `open`: everyone. */
  introspection?: IntrospectionMode;
  /** Operation limits, checked before planning. */
  limits?: OperationLimits;
  /** Extra exact-path HTTP routes, e.g. `/.well-known/jwks.json` or an export proxied to a subgraph. */
  routes?: Record<string, RouteHandler>;
  /**
   * Readiness beyond the gateway's own (its supergraph loaded and its required
   * subgraphs reachable, see `readiness`), for `/health/ready`.
   */
  ready?: () => Promise<boolean>;
  /**
   * Which subgraphs `/health/ready` requires, and how it probes them (defaults: all
   * subgraphs, a 1 s probe deadline, one round of probes per 2 s).
   */
  readiness?: SubgraphReadinessOptions;
  logger?: Logger;
  /** Registry for the gateway's metrics (default: prom-client's process-wide one). */
  metricsRegistry?: Registry;
  /**
   * Every subgraph's resilience policy: deadline, concurrency cap and queue, circuit
   * breaker, retries of reads (defaults in `DEFAULT_SUBGRAPH_POLICY`; docs/resilience.md).
   */
  subgraphPolicy?: SubgraphPolicyOptions;
  /** Changes to `subgraphPolicy` for some subgraphs, by name. */
  subgraphPolicies?: Record<string, SubgraphPolicyOptions>;
  /** GraphQL path (default `/graphql`). */
  path?: string;
  /** Further Apollo Server plugins. */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /**
   * Serves the supergraph's `Subscription` fields (graphql-ws and SSE on the GraphQL
   * path) from a JetStream stream; without it, the gateway serves none.
   */
  subscriptions?: SubscriptionsOptions;
}

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  httpServer: http.Server;
  /**
   * The context for a request with these headers (ids, verified identity), for
   * running operations through `apollo.executeOperation` on a caller's behalf.
   */
  createContext: ContextFactory;
  /** The subscription engine and its transports, when `subscriptions` was given. */
  subscriptions?: AttachedSubscriptions;
  /** Starts Apollo (loading the supergraph) and listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops taking requests, lets in-flight ones finish, then stops Apollo. */
  stop(): Promise<void>;
}

/**
 * A federation gateway for any supergraph: Apollo Gateway behind Apollo Server,
 * with bearer-token auth, operation limits, restricted introspection, masked
 * errors, request and correlation ids, health checks and Prometheus metrics.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? createLogger({ name: 'gateway' });
  const limits = resolveLimits(options.limits);
  const introspection = options.introspection ?? 'restricted';
  const metrics = createGatewayMetrics({ registry: options.metricsRegistry });
  const fetcher = createHttpFetcher();
  const createContext = createContextFactory({
    auth: options.auth ?? 'required',
    verifier: options.verifier,
  });

  let apolloStarting = false;
  const buildService = createServiceBuilder({
    subgraphs: options.subgraphs ?? {},
    fetcher,
    metrics,
    policy: options.subgraphPolicy,
    policies: options.subgraphPolicies,
    logger,
  });
  const subgraphReadiness = createSubgraphReadiness(buildService.built, options.readiness);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService,
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) =>
      formatError(nameTokenLimit(formatted, limits.maxTokens), error),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Introspection is decided per caller by the operation guard.
    introspection: true,
    hideSchemaDetailsFromClientErrors: introspection !== 'open',
    parseOptions: { maxTokens: limits.maxTokens },
    stopOnTerminationSignals: false,
    logger,
    plugins: [
      // Apollo may also be started by `executeOperation`, not only by `listen`.
      {
        async serverWillStart() {
          apolloStarting = true;
        },
      },
      ApolloServerPluginLandingPageDisabled(),
      createTracingPlugin<GatewayContext>(),
      createRequestIdPlugin(),
      createMetricsPlugin(metrics),
      createLoggingPlugin(logger),
      createOperationGuardPlugin({
        limits,
        introspection,
        analyze: createOperationAnalyzer({ defaultListSize: limits.defaultListSize }),
      }),
      ...(options.plugins ?? []),
    ],
  });

  let started: Promise<void> | undefined;
  let running = false;
  const httpServer = createHttpServer<GatewayContext>({
    graphql: {
      path: options.path,
      server: apollo,
      context: (_req, headers) => createContext(headers),
      maxBodyBytes: limits.maxBodyBytes,
      spanAttributes: { 'hr.component': 'gateway' },
    },
    routes: {
      '/metrics': async (_req, res) => {
        const text = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      },
      ...options.routes,
    },
    ready: async () => {
      if (!running) return false;
      const [own, { ready, ...details }] = await Promise.all([
        options.ready ? options.ready() : true,
        subgraphReadiness.check(),
      ]);
      return { ready: own && ready, details };
    },
  });
  const subscriptions =
    options.subscriptions &&
    attachSubscriptions({
      subscriptions: options.subscriptions,
      apollo,
      gateway,
      httpServer,
      path: options.path ?? '/graphql',
      createContext,
      maxBodyBytes: limits.maxBodyBytes,
      logger,
      gauge: metrics.openSubscriptions,
    });

  return {
    apollo,
    httpServer,
    createContext,
    subscriptions,
    async listen(port, host) {
      started ??= apollo.start().then(() => {
        running = true;
      });
      await started;
      return listen(httpServer, port, host);
    },
    async stop() {
      running = false;
      // Open sockets and streams would keep the HTTP server from closing.
      await subscriptions?.close();
      if (httpServer.listening) await close(httpServer);
      if (apolloStarting) await apollo.stop();
      fetcher.destroy();
    },
  };
}
