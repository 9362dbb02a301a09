import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { register } from 'prom-client';
import { GATEWAY_ASSERTION_HEADER, type GatewayAssertionVerifier } from '../auth';
import { authFailure } from '../http/authFailure';
import {
  createHttpServer,
  sendError,
  toHeaderMap,
  type RouteHandler,
} from '../http/createHttpServer';
import { publicMetricsRoutes } from '../http/metricsEndpoint';
import type { RequestContexts } from './createRequestContexts';
import { mapRoutes, type SubgraphRoutes } from './createSubgraphRoutes';
import { headersOf, type RequestHeaders } from './requestHeaders';
import type { SubgraphSetup } from './SubgraphSetup';
import type { SubgraphContext } from './SubgraphModule';
import { toHttpError } from './toHttpError';

/** Options of {@link createSubgraphHttpServer}. */
export interface SubgraphHttpServerOptions<L> extends Pick<
  SubgraphSetup<L>,
  'module' | 'options' | 'accessLog' | 'spanAttributes'
> {
  /** The started Apollo server; undefined when the runtime is not started. */
  apollo: ApolloServer<SubgraphContext<L>> | undefined;
  /** Checks that a request comes from the gateway. */
  gatewayAssertions: GatewayAssertionVerifier;
  contexts: RequestContexts<L>;
  routes: SubgraphRoutes;
  /** Answers `/health/ready`. */
  ready(): Promise<boolean>;
}

/**
 * The subgraph's own HTTP server (distributed mode): GraphQL and the module's routes answer
 * the gateway only; health checks and `/metrics` stay open.
 */
export function createSubgraphHttpServer<L>(options: SubgraphHttpServerOptions<L>): http.Server {
  const { apollo, gatewayAssertions, contexts, routes } = options;
  if (!apollo) throw new Error(`Subgraph ${options.module.name} is not started.`);
  const fromGateway = (headers: RequestHeaders) =>
    gatewayAssertions.verify(headers[GATEWAY_ASSERTION_HEADER]);
  return createHttpServer({
    graphql: {
      server: apollo,
      context: async (_req, headerMap) => {
        const headers = headersOf(headerMap);
        try {
          await fromGateway(headers);
          return await contexts.request(headers);
        } catch (error) {
          throw authFailure(error);
        }
      },
      spanAttributes: options.spanAttributes,
    },
    routes: {
      ...fromGatewayOnly(fromGateway, routes.routes()),
      // Public to the gateway's clients; still only the gateway may call the subgraph.
      ...fromGatewayOnly(fromGateway, routes.publicRoutes()),
      ...publicMetricsRoutes(options.options.metricsEndpoint ?? {}, register),
    },
    ready: options.ready,
    accessLog: options.accessLog,
  });
}

/** The handlers, each answering a request without a valid gateway assertion with its error. */
function fromGatewayOnly(
  fromGateway: (headers: RequestHeaders) => Promise<void>,
  handlers: Record<string, RouteHandler>,
): Record<string, RouteHandler> {
  return mapRoutes(handlers, (handler) => async (req, res) => {
    try {
      await fromGateway(headersOf(toHeaderMap(req)));
    } catch (error) {
      return sendError(res, toHttpError(error));
    }
    await handler(req, res);
  });
}
