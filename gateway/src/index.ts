export { createGateway } from './createGateway';
export type { Gateway, GatewayOptions } from './GatewayOptions';
export {
  DEFAULT_CONCURRENCY,
  createConcurrencyCap,
  type ConcurrencyCap,
  type ConcurrencyOptions,
} from './concurrency/createConcurrencyCap';
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
  type CostOptions,
  createOperationAnalyzer,
  DEFAULT_LIMITS,
  type OperationAnalysis,
  type OperationAnalyzer,
  type OperationLimits,
} from '../../runtime/edge';
export type { IntrospectionMode } from './operations/createOperationGuardPlugin';
export {
  DEFAULT_RATE_LIMITS,
  type AuthFailureLimit,
  type Quota,
  type RateLimitOptions,
  type RateLimitStore,
} from './rateLimits/RateLimitOptions';
export {
  createHttpFetcher,
  type DeadlineFetcher,
  type HttpFetcher,
  type HttpFetcherOptions,
} from './subgraphs/createHttpFetcher';
export { withDeadline, type Deadline } from './subgraphs/Deadline';
export {
  createSubgraphPolicy,
  type CircuitStateName,
  type SubgraphPolicy,
} from './subgraphs/createSubgraphPolicy';
export {
  DEFAULT_SUBGRAPH_POLICY,
  type SubgraphPolicyOptions,
} from './subgraphs/SubgraphPolicyOptions';
export {
  SubgraphUnavailableError,
  type UnavailableReason,
} from './subgraphs/SubgraphUnavailableError';
export type {
  SubgraphReadinessOptions,
  SubgraphReadinessReport,
  SubgraphStatus,
} from './health/createSubgraphReadiness';
export * from './subscriptions';
export { createStaticSite, type StaticSite, type StaticSiteOptions } from './site/createStaticSite';
