import type {
  GatewayOptions,
  StaticSiteOptions,
  SubgraphEndpoint,
  SubscriptionLimits,
} from '../../../gateway/src';
import type { Namespace, NatsClients } from '../../../messaging';
import {
  type AppConfig,
  type GatewayAssertionSigner,
  type LocalIssuer,
  type Logger,
  metricsEndpointOf,
  type ProcessMetrics,
  type RouteHandler,
  subgraphOptionsOf,
  type SubgraphModule,
  type SubgraphRuntime,
  type TokenVerifier,
} from '../../../runtime';
import { edgeOptions, socketLimitsOf } from '../edgeOptions';
import { proxyRoute } from '../proxyRoute';
import { hrSubscriptions } from '../subscriptionFields';

/** What the all-in-one gateway is made over. */
export interface PlatformGatewayParts {
  config: AppConfig;
  supergraphSdl: string;
  /** The subgraphs running in this process, by name. */
  runtimes: Record<string, SubgraphRuntime>;
  verifier: TokenVerifier;
  issuer: LocalIssuer;
  nats: NatsClients;
  namespace: Namespace;
  /** Bounds on subscription clients over those of the configuration. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  site?: StaticSiteOptions;
  /** The subgraphs all-in-one runs in its second process, if any. */
  remote?: RemoteSubgraphs;
  logger: Logger;
}

/** Subgraphs of the platform served by another process, reached over HTTP. */
export interface RemoteSubgraphs {
  /** Each one's GraphQL URL, by name. */
  urls: Record<string, string>;
  /** Their modules, for the routes the gateway passes on to them. */
  modules: readonly SubgraphModule<unknown>[];
  /** Signs the assertion they require on every call. */
  assertion: GatewayAssertionSigner;
  /** Whether the process serving them is up and ready. */
  ready(): boolean;
  /** That process's metrics, served with the first one's. */
  metrics(): Promise<ProcessMetrics[]>;
}

/** Each runtime as a subgraph the gateway calls in-process; its readiness counts by name. */
function inProcessEndpoints(runtimes: Record<string, SubgraphRuntime>) {
  const endpoints: Record<string, SubgraphEndpoint> = {};
  for (const [name, runtime] of Object.entries(runtimes)) {
    endpoints[name] = {
      execute: (request, headers) => runtime.execute(request, headers),
      ready: () => runtime.ready(),
    };
  }
  return endpoints;
}

/** Each remote subgraph's routes (`routes` or `publicRoutes`), passed on to its URL. */
function proxiedRoutes(
  remote: RemoteSubgraphs | undefined,
  routesOf: (module: SubgraphModule<unknown>) => object | undefined,
  timeoutMs: number | undefined,
): Record<string, RouteHandler> {
  if (!remote) return {};
  return Object.fromEntries(
    remote.modules.flatMap((module) =>
      Object.keys(routesOf(module) ?? {}).map((path) => [
        path,
        proxyRoute(remote.urls[module.name]!, { assertion: remote.assertion, timeoutMs }),
      ]),
    ),
  );
}

/** The issuer's public keys, for clients and partners that verify its tokens. */
const jwksRoute =
  (issuer: LocalIssuer): RouteHandler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(issuer.jwks()));
  };

/**
 * The all-in-one gateway's options: the subgraphs in-process, the edge and subgraph
 * policies from the configuration, the runtimes' routes, and the HR subscriptions.
 */
export function platformGatewayOptions(parts: PlatformGatewayParts): GatewayOptions {
  const { config, nats } = parts;
  const { remote } = parts;
  const runtimes = Object.values(parts.runtimes);
  const timeoutMs = config.SUBGRAPH_TIMEOUT_MS;
  const remoteEndpoints = Object.fromEntries(
    Object.entries(remote?.urls ?? {}).map(([name, url]) => [name, { url }]),
  );
  return {
    supergraphSdl: parts.supergraphSdl,
    subgraphs: { ...inProcessEndpoints(parts.runtimes), ...remoteEndpoints },
    subgraphAssertion: remote?.assertion,
    verifier: parts.verifier,
    introspection: config.INTROSPECTION_OPEN ? 'open' : 'restricted',
    ...edgeOptions(config),
    metricsEndpoint: { ...metricsEndpointOf(config), others: remote?.metrics },
    routes: {
      '/.well-known/jwks.json': jwksRoute(parts.issuer),
      ...Object.assign({}, ...runtimes.map((r) => r.routes())),
      ...proxiedRoutes(remote, (module) => module.routes, timeoutMs),
    },
    publicRoutes: {
      ...Object.assign({}, ...runtimes.map((r) => r.publicRoutes())),
      ...proxiedRoutes(remote, (module) => module.publicRoutes, timeoutMs),
    },
    // The second process counts too: its subgraphs are probed as well, but a probe can pass
    // on a child that is exiting; its own word that it is ready cannot.
    ready: async () => !nats.nc.isClosed() && (remote?.ready() ?? true),
    subscriptions: {
      ...hrSubscriptions(nats, parts.namespace),
      limits: { ...socketLimitsOf(config), ...parts.subscriptionLimits },
    },
    ...subgraphOptionsOf(config),
    site: parts.site,
    logger: parts.logger,
  };
}
