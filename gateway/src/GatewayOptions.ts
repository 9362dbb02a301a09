import type http from 'node:http';
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import type { Registry } from 'prom-client';
import type {
  CorsOptions,
  CostOptions,
  GatewayAssertionSigner,
  Logger,
  MetricsEndpointOptions,
  OperationLimits,
  RouteHandler,
  TokenVerifier,
} from '../../runtime/edge';
import type { ConcurrencyOptions } from './concurrency/createConcurrencyCap';
import type { AuthMode, ContextFactory } from './context/createContextFactory';
import type { GatewayContext } from './context/GatewayContext';
import type { SubgraphReadinessOptions } from './health/createSubgraphReadiness';
import type { IntrospectionMode } from './operations/createOperationGuardPlugin';
import type { RateLimitOptions } from './rateLimits/RateLimitOptions';
import type { StaticSiteOptions } from './site/createStaticSite';
import type { SubgraphPolicyOptions } from './subgraphs/SubgraphPolicyOptions';
import type { SubgraphEndpoint } from './subgraphs/SubgraphEndpoint';
import type { AttachedSubscriptions } from './subscriptions/attachSubscriptions';
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
  /**
   * A query identical to one the same caller (the same bearer token, or none) has running
   * joins it rather than planning and calling subgraphs again; limits, cost and error masks
   * still apply to each request. Mutations never share. Default true.
   */
  shareInflight?: boolean;
  /**
   * A request's entity fetches to one subgraph that are ready together go as one operation,
   * each under its own alias (see `mergeEntityFetches`). A subgraph's own operation limits
   * then see the merged operation. Default true.
   */
  mergeEntityFetches?: boolean;
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
