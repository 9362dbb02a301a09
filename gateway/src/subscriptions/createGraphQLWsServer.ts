import type http from 'node:http';
import { CloseCode } from 'graphql-ws';
// The package's `exports` map is not read under this project's module resolution: the
// types come from the file, the code through the exported path.
import type * as UseWs from 'graphql-ws/dist/use/ws.cjs';
import {
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
} from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../../runtime/src/logger';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import type { SubscriptionEngine } from './createSubscriptionEngine';
import { onTokenExpiry } from './tokenExpiry';

export interface GraphQLWsServerOptions {
  httpServer: http.Server;
  /** The GraphQL path the sockets connect to. */
  path: string;
  engine: SubscriptionEngine;
  createContext: ContextFactory;
  logger: Logger;
}

export interface GraphQLWsServer {
  /** Open sockets (tests and metrics). */
  clients(): number;
  /** Closes every socket and stops taking new ones. */
  close(): Promise<void>;
}

interface Connection {
  context: GatewayContext;
  cancelExpiry(): void;
}

interface Prepared {
  results: AsyncIterableIterator<FormattedExecutionResult>;
}

type ConnectionExtra = UseWs.Extra & { connection?: Connection };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof UseWs;

const asGraphQLErrors = (errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions }));

const header = (params: Record<string, unknown> | undefined, name: string) => {
  const value = params?.[name] ?? params?.[name[0]!.toUpperCase() + name.slice(1)];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The graphql-transport-ws protocol (graphql-ws) on the gateway's HTTP server: the token
 * in `connection_init`'s `authorization` is verified like a request's header, the socket
 * closes (4403) when it expires, and each subscription is served by the engine.
 */
export function createGraphQLWsServer(options: GraphQLWsServerOptions): GraphQLWsServer {
  const { engine, logger } = options;
  const limits = engine.limits;
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path });
  const drop = (socket: WebSocket) => socket.terminate();

  const disposable = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const params = ctx.connectionParams;
        try {
          const context = await options.createContext({
            authorization: header(params, 'authorization'),
            'x-request-id': header(params, 'x-request-id'),
            'x-correlation-id': header(params, 'x-correlation-id'),
          });
          const socket = ctx.extra.socket;
          const cancelExpiry = onTokenExpiry(context.identity, () =>
            socket.close(CloseCode.Forbidden, 'Token expired'),
          );
          (ctx.extra as ConnectionExtra).connection = { context, cancelExpiry };
          return true;
        } catch {
          return false;
        }
      },
      onClose(ctx) {
        (ctx.extra as ConnectionExtra).connection?.cancelExpiry();
      },
      async onSubscribe(ctx, _id, payload) {
        const connection = (ctx.extra as ConnectionExtra).connection;
        if (!connection) return [new GraphQLError('Not connected.')];
        if (Object.keys(ctx.subscriptions).length > limits.maxPerConnection) {
          return asGraphQLErrors([
            {
              message: `At most ${limits.maxPerConnection} subscriptions per connection.`,
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            },
          ]);
        }
        const cursor = payload.extensions?.cursor;
        const outcome = await engine.subscribe({
          query: payload.query,
          variables: payload.variables,
          operationName: payload.operationName,
          cursor: typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : null,
          context: connection.context,
          onOverflow: () => drop(ctx.extra.socket),
        });
        if ('errors' in outcome) return asGraphQLErrors(outcome.errors);
        const prepared: Prepared = { results: outcome.results };
        return { schema: undefined as never, document: outcome.document, contextValue: prepared };
      },
      // Results are already formatted (errors as JSON); onNext passes them on unchanged.
      subscribe: (args: ExecutionArgs) =>
        (args.contextValue as Prepared)
          .results as AsyncIterable<unknown> as AsyncIterable<ExecutionResult>,
      onNext(ctx, _id, _payload, _args, result) {
        // A client that does not read fills its send buffer; it alone is dropped.
        if (ctx.extra.socket.bufferedAmount > limits.maxBufferedBytes) drop(ctx.extra.socket);
        return result as FormattedExecutionResult;
      },
    },
    wss,
  );
  wss.on('error', (error) => logger.warn({ err: error }, 'websocket server error'));

  return {
    clients: () => wss.clients.size,
    async close() {
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await disposable.dispose();
    },
  };
}
