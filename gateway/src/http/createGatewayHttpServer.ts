import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Registry } from 'prom-client';
import {
  type AccessLogOptions,
  type ClientAddress,
  createHttpServer,
  type Readiness,
} from '../../../runtime/edge';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import type { GatewayOptions } from '../GatewayOptions';
import type { RateLimits } from '../rateLimits/createRateLimits';
import { createStaticSite } from '../site/createStaticSite';
import { gatewayRoutes } from './gatewayRoutes';

export interface GatewayHttpServerParts {
  apollo: ApolloServer<GatewayContext>;
  createContext: ContextFactory;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** The registry `/metrics` reads, when it is served on this port. */
  metricsRegistry: Registry;
  /** The rate limits public routes are under, if any. */
  rateLimits?: RateLimits;
  clientAddress: ClientAddress;
  /** `/health/ready`. */
  ready(): Promise<boolean | Readiness>;
  accessLog: AccessLogOptions;
}

/** The gateway's HTTP server: GraphQL on its path, the routes, the health checks and the site. */
export function createGatewayHttpServer(
  options: Pick<GatewayOptions, 'path' | 'site' | 'metricsEndpoint' | 'routes' | 'publicRoutes'>,
  parts: GatewayHttpServerParts,
): http.Server {
  const { createContext } = parts;
  const site = options.site && createStaticSite(options.site);
  return createHttpServer<GatewayContext>({
    graphql: {
      path: options.path,
      server: parts.apollo,
      context: (req, headers) => createContext(headers, req),
      maxBodyBytes: parts.maxBodyBytes,
      spanAttributes: { 'hr.component': 'gateway' },
    },
    routes: gatewayRoutes(options, parts.metricsRegistry, parts.rateLimits, parts.clientAddress),
    ready: () => parts.ready(),
    accessLog: parts.accessLog,
    pages: site && { graphql: site.serveGraphQLPage, other: site.serve },
  });
}
