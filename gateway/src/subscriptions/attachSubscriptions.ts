import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import type { Gauge } from 'prom-client';
import {
  type ClientAddress,
  type CostDirectives,
  HTTP_STATUS,
  type Logger,
  type OperationCheck,
} from '../../../runtime/edge';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import { createSubscriptionEngine } from './engine/createSubscriptionEngine';
import type { SubscriptionEngine } from './engine/SubscriptionEngine';
import { createSseHandler } from './sse/createSseHandler';
import { createGraphQLWsServer, type GraphQLWsServer } from './ws/createGraphQLWsServer';
import type { SubscriptionsOptions } from './SubscriptionField';

export interface AttachSubscriptionsOptions {
  subscriptions: SubscriptionsOptions;
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  httpServer: http.Server;
  /** The GraphQL path: sockets connect to it, and SSE requests are sent to it. */
  path: string;
  createContext: ContextFactory;
  /** Largest request body, and socket message, in bytes. */
  maxBodyBytes: number;
  /** The address a request or socket comes from. */
  clientAddress: ClientAddress;
  /** The operation check, applied to subscriptions as to queries and mutations. */
  check: OperationCheck;
  costsOf(schema: GraphQLSchema): CostDirectives | undefined;
  /** Strip "Did you mean" suggestions from validation errors. */
  hideSuggestions: boolean;
  logger: Logger;
  gauge?: Gauge;
}

export interface AttachedSubscriptions {
  engine: SubscriptionEngine;
  ws: GraphQLWsServer;
  /** Ends every subscription and stops the shared consumers. */
  close(): Promise<void>;
}

/**
 * Serves the supergraph's subscriptions on the gateway's HTTP server: graphql-ws on
 * the GraphQL path, and SSE for requests to it that accept `text/event-stream`.
 * Queries and mutations over HTTP go on to Apollo unchanged; over a socket, to Apollo too.
 */
export function attachSubscriptions(options: AttachSubscriptionsOptions): AttachedSubscriptions {
  const { httpServer, path, logger } = options;
  const engine = createSubscriptionEngine({
    ...options.subscriptions,
    apollo: options.apollo,
    check: options.check,
    costsOf: options.costsOf,
    hideSuggestions: options.hideSuggestions,
    logger,
    gauge: options.gauge,
  });
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema }) => engine.setSchema(apiSchema));
  const ws = createGraphQLWsServer({
    httpServer,
    path,
    engine,
    createContext: options.createContext,
    maxTokens: options.check.limits.maxTokens,
    execute: ({ query, variables, operationName, context }) =>
      options.apollo
        .executeOperation(
          { query, variables: variables ?? undefined, operationName: operationName ?? undefined },
          { contextValue: context },
        )
        .then(({ body }) =>
          body.kind === 'single'
            ? body.singleResult
            : { errors: [{ message: 'Incremental delivery is not served over a socket.' }] },
        ),
    maxPayloadBytes: options.maxBodyBytes,
    clientAddress: options.clientAddress,
    logger,
  });
  const sse = createSseHandler({
    engine,
    createContext: options.createContext,
    maxBodyBytes: options.maxBodyBytes,
  });
  // SSE requests are taken before the HTTP server's own handler sees them.
  const handlers = httpServer.listeners('request') as http.RequestListener[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === path && sse.accepts(req)) {
      sse.handle(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'SSE subscription failed');
        if (!res.headersSent) res.writeHead(HTTP_STATUS.INTERNAL).end();
        else res.destroy();
      });
      return;
    }
    for (const handler of handlers) handler.call(httpServer, req, res);
  });

  return {
    engine,
    ws,
    async close() {
      sse.close();
      await ws.close();
      await engine.stop();
    },
  };
}
