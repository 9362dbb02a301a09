import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { formatError } from '../errors';
import { createFieldErrorsPlugin } from '../inputCheck';
import { createInputBoundsPlugin } from '../inputBounds/createInputBoundsPlugin';
import { createAccessLogPlugin } from '../logging/createAccessLogPlugin';
import { DEFAULT_LIMITS } from '../operationLimits';
import { createTracingPlugin } from '../traceContext';
import { createSubgraphLimitsPlugin } from './createSubgraphLimitsPlugin';
import type { SubgraphSetup } from './SubgraphSetup';
import type { SubgraphContext } from './SubgraphModule';

/**
 * The module's schema served by Apollo, not yet started: its limits, input checks, access
 * log and tracing, and nothing the subgraph does not use.
 */
export function createSubgraphApollo<L>(
  setup: Pick<SubgraphSetup<L>, 'module' | 'options' | 'logger' | 'accessLog'>,
): ApolloServer<SubgraphContext<L>> {
  const { module, options, logger } = setup;
  return new ApolloServer<SubgraphContext<L>>({
    schema: buildSubgraphSchema({
      typeDefs: module.typeDefs,
      resolvers: module.resolvers as never,
    }),
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    hideSchemaDetailsFromClientErrors: !options.schemaDetailsInErrors,
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    logger,
    // The process that runs the subgraph owns its signals and stops everything in order;
    // Apollo's own handlers would stop this server on their own and re-raise the signal.
    stopOnTerminationSignals: false,
    // No HTTP caching of subgraph answers, and no Apollo inline tracing: both
    // would cost time on every field and nothing here reads them.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      createAccessLogPlugin(setup.accessLog),
      createSubgraphLimitsPlugin({
        typeDefs: module.typeDefs,
        introspection: options.schemaDetailsInErrors ? 'open' : 'restricted',
      }),
      createInputBoundsPlugin(),
      createFieldErrorsPlugin(),
      createTracingPlugin(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
