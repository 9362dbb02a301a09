import type { Registry } from 'prom-client';
import { type ClientAddress, publicMetricsRoutes, type RouteHandler } from '../../../runtime/edge';
import type { GatewayOptions } from '../GatewayOptions';
import type { RateLimits } from '../rateLimits/createRateLimits';
import { guardPublicRoute } from '../rateLimits/guardPublicRoute';

/**
 * The gateway's routes beside GraphQL: `/metrics` when it is served on this port, the
 * routes given, and the public routes, each under the client address's limits if any.
 */
export function gatewayRoutes(
  options: Pick<GatewayOptions, 'metricsEndpoint' | 'routes' | 'publicRoutes'>,
  registry: Registry,
  limits: RateLimits | undefined,
  clientAddress: ClientAddress,
): Record<string, RouteHandler> {
  const guarded = Object.entries(options.publicRoutes ?? {}).map(([path, route]) => [
    path,
    limits ? guardPublicRoute(route, limits, clientAddress) : route,
  ]);
  return {
    ...publicMetricsRoutes(options.metricsEndpoint ?? {}, registry),
    ...options.routes,
    ...Object.fromEntries(guarded),
  };
}
