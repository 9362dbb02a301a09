export { createGateway, type Gateway, type GatewayOptions } from './createGateway';
export { forwardedHeaders, type GatewayContext } from './context/GatewayContext';
export {
  createContextFactory,
  type AuthMode,
  type ContextFactory,
  type ContextFactoryOptions,
  type RequestHeaders,
} from './context/createContextFactory';
export type {
  InProcessExecutor,
  SubgraphEndpoint,
  SubgraphRequest,
  SubgraphResult,
} from './subgraphs/SubgraphEndpoint';
export {
  createOperationAnalyzer,
  type CostOptions,
  type OperationAnalysis,
  type OperationAnalyzer,
} from './operations/createOperationAnalyzer';
export type { IntrospectionMode } from './operations/createOperationGuardPlugin';
export { DEFAULT_LIMITS, type OperationLimits } from './operations/OperationLimits';
export {
  DEFAULT_RATE_LIMITS,
  type AuthFailureLimit,
  type Quota,
  type RateLimitOptions,
  type RateLimitStore,
} from './rateLimits/RateLimitOptions';
export {
  createHttpFetcher,
  type HttpFetcher,
  type HttpFetcherOptions,
} from './subgraphs/createHttpFetcher';
export * from './subscriptions';
