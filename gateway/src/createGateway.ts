import {
  applyCors,
  createClientAddress,
  createLogger,
  createMetricsServer,
  createOperationCheck,
} from '../../runtime/edge';
import { createApolloServer } from './apollo/createApolloServer';
import { createConcurrencyCap } from './concurrency/createConcurrencyCap';
import { createInflightSharing } from './concurrency/createInflightSharing';
import { createGatewayContextFactory } from './context/createGatewayContextFactory';
import type { Gateway, GatewayOptions } from './GatewayOptions';
import { gatewayReadiness } from './health/gatewayReadiness';
import { createGatewayHttpServer } from './http/createGatewayHttpServer';
import type { GatewayParts, GatewayState } from './lifecycle/GatewayParts';
import { listenGateway } from './lifecycle/listenGateway';
import { stopGateway } from './lifecycle/stopGateway';
import { createGatewayMetrics } from './metrics/createGatewayMetrics';
import { createFederation } from './subgraphs/createFederation';
import { createHttpFetcher } from './subgraphs/createHttpFetcher';
import { attachSubscriptions } from './subscriptions/attachSubscriptions';

/**
 * A federation gateway for any supergraph: Apollo Gateway behind Apollo Server,
 * with bearer-token auth, operation limits, rate limits, restricted introspection,
 * masked errors, request and correlation ids, CORS, health checks and Prometheus metrics.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? createLogger({ name: 'gateway' });
  const accessLog = { logger, service: 'gateway' };
  const introspection = options.introspection ?? 'restricted';
  const check = createOperationCheck({ limits: options.limits, introspection, cost: options.cost });
  const { maxBodyBytes } = check.limits;
  const metrics = createGatewayMetrics({ registry: options.metricsRegistry });
  const fetcher = createHttpFetcher();
  const clientAddress = createClientAddress(options.trustProxyHops);
  const { createContext, rateLimiting } = createGatewayContextFactory(
    options,
    clientAddress,
    logger,
  );
  const { gateway, costsOf, readiness } = createFederation(options, { fetcher, metrics, logger });
  const state: GatewayState = { running: false, apolloStarting: false };
  const apollo = createApolloServer({
    gateway,
    cap: createConcurrencyCap(options.concurrency),
    sharing: options.shareInflight === false ? undefined : createInflightSharing(),
    check,
    introspection,
    costsOf,
    metrics,
    rateLimiting,
    accessLog,
    plugins: options.plugins,
    logger,
    onStart: () => (state.apolloStarting = true),
  });

  const httpServer = createGatewayHttpServer(options, {
    apollo,
    createContext,
    maxBodyBytes,
    metricsRegistry: metrics.registry,
    rateLimits: rateLimiting?.limits,
    clientAddress,
    ready: gatewayReadiness(() => state.running, options.ready, readiness),
    accessLog,
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
      maxBodyBytes,
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
  const parts: GatewayParts = {
    apollo,
    httpServer,
    metricsServer,
    metricsPort: options.metricsEndpoint?.port,
    rateLimiting,
    subscriptions,
    fetcher,
  };
  return {
    apollo,
    httpServer,
    createContext,
    subscriptions,
    metricsServer,
    listen: (port, host) => listenGateway(parts, state, port, host),
    stop: () => stopGateway(parts, state),
  };
}
