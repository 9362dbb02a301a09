import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext';
import type { RateLimiting } from '../rateLimits/createRateLimiting';
import type { HttpFetcher } from '../subgraphs/createHttpFetcher';
import type { AttachedSubscriptions } from '../subscriptions/attachSubscriptions';

/** What a gateway starts and stops. */
export interface GatewayParts {
  apollo: ApolloServer<GatewayContext>;
  httpServer: http.Server;
  /** The listener of its own for `/metrics`, and its port. */
  metricsServer?: http.Server;
  metricsPort?: number;
  rateLimiting?: RateLimiting;
  subscriptions?: AttachedSubscriptions;
  fetcher: HttpFetcher;
}

/** Where a gateway is between starting and stopping. */
export interface GatewayState {
  /** Apollo and the rate limits' store, starting or started. */
  started?: Promise<void>;
  /** Started and not stopping: `/health/ready` may say ready. */
  running: boolean;
  /** Apollo was started, by `listen` or by a first `executeOperation`: stopping stops it. */
  apolloStarting: boolean;
}
