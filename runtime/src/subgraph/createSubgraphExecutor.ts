import { performance } from 'node:perf_hooks';
import type { ApolloServer } from '@apollo/server';
import { formatError, toGraphQLError, unavailable } from '../errors';
import { logRefusedCall } from '../logging/writeAccessLine';
import { inRequestSpan } from '../traceContext';
import type { SubgraphRequest, SubgraphResult } from './createSubgraphRuntime';
import type { RequestContexts } from './createRequestContexts';
import type { RequestHeaders } from './requestHeaders';
import type { SubgraphSetup } from './SubgraphSetup';
import type { SubgraphContext } from './SubgraphModule';
import { asDomainError } from './toHttpError';

/** Options of {@link createSubgraphExecutor}. */
export interface SubgraphExecutorOptions<L> extends Pick<
  SubgraphSetup<L>,
  'module' | 'accessLog' | 'spanAttributes'
> {
  contexts: RequestContexts<L>;
  /** The started Apollo server; undefined before `start` and after `stop`. */
  server(): ApolloServer<SubgraphContext<L>> | undefined;
}

/** Runs one GraphQL request in-process. */
export type SubgraphExecutor = (
  request: SubgraphRequest,
  headers: RequestHeaders,
) => Promise<SubgraphResult>;

/**
 * Executes requests in-process, each in its own span, with the headers an HTTP call would
 * carry. A request refused before it runs (a bad token) answers with its error and an
 * access line, as the HTTP server would.
 */
export function createSubgraphExecutor<L>(options: SubgraphExecutorOptions<L>): SubgraphExecutor {
  return async (request, headers) => {
    const server = options.server();
    if (!server) throw unavailable(`Subgraph ${options.module.name} is not started.`);
    return inRequestSpan(headers.traceparent, options.spanAttributes, () =>
      execute(options, server, request, headers),
    );
  };
}

async function execute<L>(
  options: SubgraphExecutorOptions<L>,
  server: ApolloServer<SubgraphContext<L>>,
  request: SubgraphRequest,
  headers: RequestHeaders,
): Promise<SubgraphResult> {
  const startedAt = performance.now();
  let contextValue: SubgraphContext<L>;
  try {
    contextValue = await options.contexts.request(headers);
  } catch (error) {
    const domain = asDomainError(error);
    const durationMs = performance.now() - startedAt;
    logRefusedCall(options.accessLog, { headers, code: domain.code, error, durationMs });
    return { errors: [formatError(toGraphQLError(domain).toJSON(), error)] };
  }
  const response = await server.executeOperation(request, { contextValue });
  if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported.');
  const { data, errors } = response.body.singleResult;
  return { data, errors };
}
