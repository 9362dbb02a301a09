import type {
  GatewayOptions,
  StaticSiteOptions,
  SubgraphEndpoint,
  SubscriptionLimits,
} from '../../../gateway/src';
import type { Namespace, NatsClients } from '../../../messaging';
import {
  type AppConfig,
  type LocalIssuer,
  type Logger,
  type RouteHandler,
  subgraphOptionsOf,
  type SubgraphRuntime,
  type TokenVerifier,
} from '../../../runtime';
import { edgeOptions, socketLimitsOf } from '../edgeOptions';
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
  logger: Logger;
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
  const runtimes = Object.values(parts.runtimes);
  return {
    supergraphSdl: parts.supergraphSdl,
    subgraphs: inProcessEndpoints(parts.runtimes),
    verifier: parts.verifier,
    introspection: config.INTROSPECTION_OPEN ? 'open' : 'restricted',
    ...edgeOptions(config),
    routes: {
      '/.well-known/jwks.json': jwksRoute(parts.issuer),
      ...Object.assign({}, ...runtimes.map((r) => r.routes())),
    },
    publicRoutes: Object.assign({}, ...runtimes.map((r) => r.publicRoutes())),
    ready: async () => !nats.nc.isClosed(),
    subscriptions: {
      ...hrSubscriptions(nats, parts.namespace),
      limits: { ...socketLimitsOf(config), ...parts.subscriptionLimits },
    },
    ...subgraphOptionsOf(config),
    site: parts.site,
    logger: parts.logger,
  };
}
