import type { GatewayOptions, SubscriptionLimits } from '../../gateway/src';
import { type AppConfig, metricsEndpointOf, rateLimitStoreOf } from '../../runtime';

/**
 * The gateway's edge from the configuration: the concurrency cap per identity, rate limits (counted in PostgreSQL when
 * replicas share one), the client address, CORS and where `/metrics` is served.
 * Limits not configured keep the gateway's defaults.
 */
export function edgeOptions(
  config: AppConfig,
): Pick<
  GatewayOptions,
  | 'rateLimits'
  | 'trustProxyHops'
  | 'cors'
  | 'metricsEndpoint'
  | 'concurrency'
  | 'shareInflight'
  | 'mergeEntityFetches'
> {
  return {
    shareInflight: config.GATEWAY_SHARE_INFLIGHT,
    mergeEntityFetches: config.GATEWAY_MERGE_FETCHES,
    concurrency: {
      maxPerIdentity: config.GATEWAY_MAX_CONCURRENT_PER_IDENTITY,
      queuePerIdentity: config.GATEWAY_QUEUE_PER_IDENTITY,
    },
    rateLimits: {
      store:
        rateLimitStoreOf(config) === 'postgres'
          ? { kind: 'postgres', url: config.DATABASE_URL! }
          : { kind: 'memory' },
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      identity: { requests: config.RATE_LIMIT_REQUESTS, cost: config.RATE_LIMIT_COST },
      partner: {
        requests: config.RATE_LIMIT_PARTNER_REQUESTS,
        cost: config.RATE_LIMIT_PARTNER_COST,
      },
      partners: config.RATE_LIMIT_PARTNER_QUOTAS,
      address: {
        requests: config.RATE_LIMIT_ADDRESS_REQUESTS,
        cost: config.RATE_LIMIT_ADDRESS_COST,
      },
      authFailures: {
        limit: config.RATE_LIMIT_AUTH_FAILURES,
        windowSeconds: config.RATE_LIMIT_AUTH_WINDOW_SECONDS,
        blockSeconds: config.RATE_LIMIT_AUTH_BLOCK_SECONDS,
      },
    },
    trustProxyHops: config.TRUST_PROXY_HOPS,
    cors: { origins: config.CORS_ORIGINS },
    metricsEndpoint: metricsEndpointOf(config),
  };
}

/** The caps on sockets from the configuration; those not set keep the gateway's defaults. */
export function socketLimitsOf(config: AppConfig): Partial<SubscriptionLimits> {
  const caps: Partial<SubscriptionLimits> = {
    maxSocketsPerAddress: config.WS_MAX_SOCKETS_PER_ADDRESS,
    maxUninitialisedPerAddress: config.WS_MAX_UNINITIALISED_PER_ADDRESS,
    maxUninitialised: config.WS_MAX_UNINITIALISED,
  };
  return Object.fromEntries(Object.entries(caps).filter(([, value]) => value !== undefined));
}
