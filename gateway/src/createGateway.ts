import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Registry } from 'prom-client';
import type { GatewayAssertionSigner, TokenVerifier } from '../../runtime/src/auth';
import { formatError } from '../../runtime/src/errors';
import { applyCors, type CorsOptions } from '../../runtime/src/http/applyCors';
import { createClientAddress } from '../../runtime/src/http/clientAddress';
import {
  close,
  createHttpServer,
  listen,
  type RouteHandler,
} from '../../runtime/src/http/createHttpServer';
import {
  createMetricsServer,
  publicMetricsRoutes,
  type MetricsEndpointOptions,
} from '../../runtime/src/http/metricsEndpoint';
import { createLogger, type Logger } from '../../runtime/src/logger';
import {
  createOperationCheck,
  nameTokenLimit,
  type CostOptions,
  type OperationLimits,
} from '../../runtime/src/operationLimits';
import { createAccessLogPlugin } from '../../runtime/src/logging/createAccessLogPlugin';
import { createTracingPlugin } from '../../runtime/src/traceContext';
import { capGateway } from './concurrency/capGateway';
import { createConcurrencyCap, type ConcurrencyOptions } from './concurrency/createConcurrencyCap';
import {
  createContextFactory,
  type AuthMode,
  type ContextFactory,
} from './context/createContextFactory';
import { createRequestIdPlugin } from './context/createRequestIdPlugin';
import type { GatewayContext } from './context/GatewayContext';
import { neutralError, PREFLIGHT_HEADER } from './errors/neutralMessage';
import { createGatewayMetrics } from './metrics/createGatewayMetrics';
import { createMetricsPlugin } from './metrics/createMetricsPlugin';
import {
  createOperationGuardPlugin,
  type IntrospectionMode,
} from './operations/createOperationGuardPlugin';
import { watchCostDirectives } from './operations/watchCostDirectives';
import { createRateLimiting } from './rateLimits/createRateLimiting';
import { guardPublicRoute } from './rateLimits/guardPublicRoute';
import type { RateLimitOptions } from './rateLimits/RateLimitOptions';
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
import { createStaticSite, type StaticSiteOptions } from './site/createStaticSite';

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
  /** Operation limits, checked before planning on every transport (see docs/operation-limits.md). */
  limits?: OperationLimits;
  /** How the cost limit counts lists beyond the supergraph's `@listSize` (e.g. `rangeArguments`). */
  cost?: CostOptions;
  /**
   * A per-identity cap on operations running at once (token subject, or the client's
   * address when auth is off), with a bounded queue; past it, HTTP 429 with `Retry-After`.
   * Defaults: 8 running, 64 waiting (`DEFAULT_CONCURRENCY`).
   */
  concurrency?: ConcurrencyOptions;
  /** Extra exact-path HTTP routes, e.g. `/.well-known/jwks.json` or an export proxied to a subgraph. */
  routes?: Record<string, RouteHandler>;
  /**
   * Routes anyone may call without a token (sign-in, `/auth/*`), under the client address's
   * limits: its quota, and its failed sign-ins (an answer of 401 counts as one).
   */
  publicRoutes?: Record<string, RouteHandler>;
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
  /** Where `/metrics` is served: its own port, behind a token, or open (default: nowhere). */
  metricsEndpoint?: MetricsEndpointOptions;
  /** Rate limits per identity and client address (default: none). */
  rateLimits?: RateLimitOptions;
  /** Proxies in front whose `X-Forwarded-For` entries give the client address (default 0). */
  trustProxyHops?: number;
  /** Browser origins allowed to call (default: none, and no CORS headers). */
  cors?: CorsOptions;
  /**
   * Proves to subgraphs reached over HTTP that a call comes from this gateway:
   * a short-lived assertion signed with the gateway's own key, sent on every
   * call (runtime/src/auth/createGatewayAssertionSigner). Off unless given;
   * in-process subgraphs need none.
   */
  subgraphAssertion?: GatewayAssertionSigner;
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
  /**
   * A built web app served on the gateway's port (docs/web.md): its files at `/`, its
   * `index.html` for app routes, and optionally an HTML page (e.g. GraphiQL) for a browser's
   * GET on the GraphQL path. Without it the gateway serves GraphQL and its routes only.
   */
  site?: StaticSiteOptions;
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
  /** The listener of its own for `/metrics`, when `metricsEndpoint` gives a port. */
  metricsServer?: http.Server;
  /** Starts Apollo (loading the supergraph) and listens; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops taking requests, lets in-flight ones finish, then stops Apollo. */
  stop(): Promise<void>;
}

/**
 * A federation gateway for any supergraph: Apollo Gateway behind Apollo Server,
 * with bearer-token auth, operation limits, rate limits, restricted introspection,
 * masked errors, request and correlation ids, CORS, health checks and Prometheus metrics.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? createLogger({ name: 'gateway' });
  const accessLog = { logger, service: 'gateway' };
  const introspection = options.introspection ?? 'restricted';
  const check = createOperationCheck({
    limits: options.limits,
    introspection,
    cost: options.cost,
  });
  const { limits } = check;
  const cap = createConcurrencyCap(options.concurrency);
  const metrics = createGatewayMetrics({ registry: options.metricsRegistry });
  const fetcher = createHttpFetcher();
  const clientAddress = createClientAddress(options.trustProxyHops);
  const rateLimiting =
    options.rateLimits && createRateLimiting({ limits: options.rateLimits, clientAddress, logger });
  const verifiedContext = createContextFactory({
    auth: options.auth ?? 'required',
    verifier: options.verifier,
    clientAddress,
  });
  const createContext = rateLimiting ? rateLimiting.wrap(verifiedContext) : verifiedContext;

  let apolloStarting = false;
  const buildService = createServiceBuilder({
    subgraphs: options.subgraphs ?? {},
    fetcher,
    metrics,
    assertion: options.subgraphAssertion,
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
  const costsOf = watchCostDirectives(gateway);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: capGateway(gateway, cap),
    formatError: (formatted, error) =>
      formatError(neutralError(nameTokenLimit(formatted, limits.maxTokens)), error),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Apollo's own header names still work; the neutral one is the one answers name.
    csrfPrevention: {
      requestHeaders: [PREFLIGHT_HEADER, 'apollo-require-preflight', 'x-apollo-operation-name'],
    },
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
      createAccessLogPlugin<GatewayContext>(accessLog),
      // Cost is charged to the rate limits only once the check has admitted the operation.
      createOperationGuardPlugin({ check, costsOf, admitted: rateLimiting?.charge }),
      ...(rateLimiting ? [rateLimiting.plugin] : []),
      ...(options.plugins ?? []),
    ],
  });

  let started: Promise<void> | undefined;
  let running = false;
  const site = options.site && createStaticSite(options.site);
  const httpServer = createHttpServer<GatewayContext>({
    graphql: {
      path: options.path,
      server: apollo,
      context: (req, headers) => createContext(headers, req),
      maxBodyBytes: limits.maxBodyBytes,
      spanAttributes: { 'hr.component': 'gateway' },
    },
    routes: {
      ...publicMetricsRoutes(options.metricsEndpoint ?? {}, metrics.registry),
      ...options.routes,
      ...Object.fromEntries(
        Object.entries(options.publicRoutes ?? {}).map(([path, route]) => [
          path,
          rateLimiting ? guardPublicRoute(route, rateLimiting.limits, clientAddress) : route,
        ]),
      ),
    },
    ready: async () => {
      if (!running) return false;
      const [own, { ready, ...details }] = await Promise.all([
        options.ready ? options.ready() : true,
        subgraphReadiness.check(),
      ]);
      return { ready: own && ready, details };
    },
    accessLog,
    pages: site && { graphql: site.serveGraphQLPage, other: site.serve },
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
      clientAddress,
      check,
      costsOf,
      hideSuggestions: introspection !== 'open',
      logger,
      gauge: metrics.openSubscriptions,
    });
  // Last, so that it answers ahead of every handler, subscriptions' included.
  if (options.cors) applyCors(httpServer, options.cors);
  const metricsServer = createMetricsServer(options.metricsEndpoint ?? {}, metrics.registry);

  return {
    apollo,
    httpServer,
    createContext,
    subscriptions,
    metricsServer,
    async listen(port, host) {
      started ??= Promise.all([apollo.start(), rateLimiting?.start()]).then(() => {
        running = true;
      });
      await started;
      if (metricsServer) await listen(metricsServer, options.metricsEndpoint!.port!, host);
      return listen(httpServer, port, host);
    },
    async stop() {
      running = false;
      // Open sockets and streams would keep the HTTP server from closing.
      await subscriptions?.close();
      if (httpServer.listening) await close(httpServer);
      if (metricsServer?.listening) await close(metricsServer);
      if (apolloStarting) await apollo.stop();
      await rateLimiting?.close();
      fetcher.destroy();
    },
  };
}
