/**
 * The part of runtime/ an edge process needs (the gateway, and the key tool bin/keys.ts):
 * configuration, authentication and its keys, errors, HTTP, logging, metrics, tracing and
 * operation limits, without the database, migrations and messaging that ./index also loads.
 * Those cost the gateway memory it never uses, and the key tool seconds at every run.
 * Everything here is also exported by ./index.
 */
export {
  createGatewayAssertionSigner,
  createTokenVerifier,
  type GatewayAssertionSigner,
  KEY_OWNERS,
  KeyFileError,
  type KeyOwner,
  keyPaths,
  KeyRotationError,
  loadOrCreatePrivateJwk,
  NOT_THE_GATEWAY,
  publishKey,
  readPrivateJwk,
  retireKeys,
  rotateKey,
  type TokenVerifier,
} from './src/auth';
export { ConfigError, loadConfig, subgraphOptionsOf } from './src/config';
export { limitHeapGrowth } from './src/limitHeapGrowth';
export {
  DomainError,
  ErrorCode,
  findWrapped,
  formatError,
  HTTP_STATUS,
  httpStatusOf,
  rateLimited,
  toGraphQLError,
  unavailable,
} from './src/errors';
export { applyCors, type CorsOptions } from './src/http/applyCors';
export { authFailure } from './src/http/authFailure';
export { type ClientAddress, createClientAddress } from './src/http/clientAddress';
export {
  close,
  createHttpServer,
  HttpError,
  listen,
  type Readiness,
  type RouteHandler,
  sendError,
} from './src/http/createHttpServer';
export {
  createMetricsServer,
  type MetricsEndpointOptions,
  type ProcessMetrics,
  metricsEndpointOf,
  publicMetricsRoutes,
} from './src/http/metricsEndpoint';
export { validId, validTraceparent } from './src/http/requestIds';
export type { Identity } from './src/identity';
export { createLogger, type Logger } from './src/logger';
export { createAccessLogPlugin } from './src/logging/createAccessLogPlugin';
export type { AccessLogOptions } from './src/logging/writeAccessLine';
export {
  type CheckedOperation,
  type CostDirectives,
  type CostOptions,
  createOperationAnalyzer,
  createOperationCheck,
  DEFAULT_LIMITS,
  type IntrospectionMode,
  nameParseFailure,
  type OperationAnalysis,
  type OperationAnalyzer,
  type OperationCheck,
  type OperationLimits,
  OperationRefusedError,
  parseOperation,
  readCostDirectives,
  refusalAsRequestError,
} from './src/operationLimits';
export { createTracingPlugin, currentTraceparent } from './src/traceContext';
