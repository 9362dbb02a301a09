import type { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import {
  type AccessLogOptions,
  type CostDirectives,
  createAccessLogPlugin,
  createTracingPlugin,
  formatError,
  type IntrospectionMode,
  type Logger,
  nameParseFailure,
  type OperationCheck,
} from '../../../runtime/edge';
import { capGateway } from '../concurrency/capGateway';
import type { ConcurrencyCap } from '../concurrency/createConcurrencyCap';
import type { InflightSharing } from '../concurrency/createInflightSharing';
import { createRequestIdPlugin } from '../context/createRequestIdPlugin';
import type { GatewayContext } from '../context/GatewayContext';
import { neutralError, PREFLIGHT_HEADER } from '../errors/neutralMessage';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics';
import { createMetricsPlugin } from '../metrics/createMetricsPlugin';
import { createOperationGuardPlugin } from '../operations/createOperationGuardPlugin';
import type { RateLimiting } from '../rateLimits/createRateLimiting';
import { stringifyResult, stringifyUnshared } from './stringifyResult';

export interface ApolloServerParts {
  gateway: ApolloGateway;
  /** The per-identity cap the gateway's executor runs under. */
  cap: ConcurrencyCap;
  /** Identical queries of one caller in flight at once, run once (off when absent). */
  sharing?: InflightSharing;
  /** The operation check every transport shares. */
  check: OperationCheck;
  introspection: IntrospectionMode;
  /** The `@cost` and `@listSize` of the schema a request runs on. */
  costsOf(schema: GraphQLSchema): CostDirectives | undefined;
  metrics: GatewayMetrics;
  rateLimiting?: RateLimiting;
  accessLog: AccessLogOptions;
  /** Further plugins, after the gateway's own. */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  logger: Logger;
  /** Apollo is starting: by `listen`, or by a first `executeOperation`. */
  onStart(): void;
}

/** The gateway's plugins, in the order they run. */
function gatewayPlugins(parts: ApolloServerParts): ApolloServerPlugin<GatewayContext>[] {
  const { check, costsOf, rateLimiting } = parts;
  return [
    {
      async serverWillStart() {
        parts.onStart();
      },
    },
    ApolloServerPluginLandingPageDisabled(),
    createTracingPlugin<GatewayContext>(),
    createRequestIdPlugin(),
    createMetricsPlugin(parts.metrics),
    createAccessLogPlugin<GatewayContext>(parts.accessLog),
    // Cost is charged to the rate limits only once the check has admitted the operation.
    createOperationGuardPlugin({ check, costsOf, admitted: rateLimiting?.charge }),
    ...(rateLimiting ? [rateLimiting.plugin] : []),
    ...(parts.plugins ?? []),
  ];
}

/**
 * Apollo Server over the gateway: errors masked and in neutral words, no batching, CSRF
 * prevention, introspection decided per caller by the operation guard, and the gateway's
 * plugins for tracing, ids, metrics, the access log, the operation check and rate limits.
 */
export function createApolloServer(parts: ApolloServerParts): ApolloServer<GatewayContext> {
  const { limits } = parts.check;
  return new ApolloServer<GatewayContext>({
    gateway: capGateway(parts.gateway, parts.cap, parts.sharing),
    formatError: (formatted, error) =>
      formatError(neutralError(nameParseFailure(formatted, limits.maxTokens)), error),
    includeStacktraceInErrorResponses: false,
    stringifyResult: parts.sharing ? stringifyResult : stringifyUnshared,
    allowBatchedHttpRequests: false,
    // Apollo's own header names still work; the neutral one is the one answers name.
    csrfPrevention: {
      requestHeaders: [PREFLIGHT_HEADER, 'apollo-require-preflight', 'x-apollo-operation-name'],
    },
    // Introspection is decided per caller by the operation guard.
    introspection: true,
    hideSchemaDetailsFromClientErrors: parts.introspection !== 'open',
    parseOptions: { maxTokens: limits.maxTokens },
    stopOnTerminationSignals: false,
    logger: parts.logger,
    plugins: gatewayPlugins(parts),
  });
}
