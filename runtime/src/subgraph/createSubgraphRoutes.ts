import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, toHeaderMap, type RouteHandler } from '../http/createHttpServer';
import type { Logger } from '../logger';
import { noteAccess } from '../logging/createHttpAccessLog';
import type { AccessFacts } from '../logging/writeAccessLine';
import type { RequestContexts } from './createRequestContexts';
import { headersOf, type RequestHeaders } from './requestHeaders';
import type { SubgraphModule } from './SubgraphModule';
import { toHttpError } from './toHttpError';

/** Options of {@link createSubgraphRoutes}. */
export interface SubgraphRoutesOptions<L> {
  module: SubgraphModule<L>;
  contexts: RequestContexts<L>;
  /** Where a route's unexpected errors are logged. */
  logger: Logger;
}

/** The module's HTTP routes as plain handlers, each given its context. */
export interface SubgraphRoutes {
  /** Its routes, authenticated like GraphQL. */
  routes(): Record<string, RouteHandler>;
  /** Its public routes, without a bearer token. */
  publicRoutes(): Record<string, RouteHandler>;
}

export function createSubgraphRoutes<L>(options: SubgraphRoutesOptions<L>): SubgraphRoutes {
  const { module, contexts, logger } = options;
  const failures = { logger, service: module.name };
  const withContext = runsWith(failures, contexts.request, (context) => ({
    requestId: context.requestId,
    correlationId: context.correlationId,
    userId: context.identity.subject,
  }));
  const withPublicContext = runsWith(failures, contexts.publicRoute, (context) => ({
    requestId: context.requestId,
    correlationId: context.correlationId,
  }));
  return {
    routes: () => mapRoutes(module.routes ?? {}, withContext),
    publicRoutes: () => mapRoutes(module.publicRoutes ?? {}, withPublicContext),
  };
}

/** The same paths, each served by what `toHandler` makes of its route. */
export function mapRoutes<R>(
  routes: Record<string, R>,
  toHandler: (route: R) => RouteHandler,
): Record<string, RouteHandler> {
  return Object.fromEntries(
    Object.entries(routes).map(([path, route]) => [path, toHandler(route)]),
  );
}

interface RouteIds {
  requestId: string;
  correlationId: string;
}

type Route<C> = (req: IncomingMessage, res: ServerResponse, context: C) => Promise<void>;

/**
 * Runs a route with the context `open` makes of the request's headers. A failure answers
 * with its HTTP error (a response already begun is cut off); an unexpected one is logged.
 */
function runsWith<C extends RouteIds>(
  failures: { logger: Logger; service: string },
  open: (headers: RequestHeaders) => C | Promise<C>,
  facts: (context: C) => AccessFacts,
): (route: Route<C>) => RouteHandler {
  return (route) => async (req, res) => {
    let context: C | undefined;
    try {
      context = await open(headersOf(toHeaderMap(req)));
      noteAccess(req, facts(context));
      await route(req, res, context);
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status === 500) {
        const ids = { requestId: context?.requestId, correlationId: context?.correlationId };
        failures.logger.error(
          { err: error, service: failures.service, ...ids },
          'unexpected error',
        );
      }
      if (res.headersSent) return void res.destroy();
      sendError(res, httpError);
    }
  };
}
