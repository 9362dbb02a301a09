import type http from 'node:http';
import { CloseCode } from 'graphql-ws';
// The package's `exports` map is not read under this project's module resolution: the
// types come from the file, the code through the exported path.
import type * as UseWs from 'graphql-ws/dist/use/ws.cjs';
import {
  GraphQLError,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
} from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../../runtime/src/logger';
import { OperationRefusedError, parseOperation } from '../../../runtime/src/operationLimits';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import type { SubscriptionEngine } from './createSubscriptionEngine';
import { onTokenExpiry } from './tokenExpiry';

/** A query or mutation sent over a socket. */
export interface SocketOperation {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  context: GatewayContext;
}

export interface GraphQLWsServerOptions {
  httpServer: http.Server;
  /** The GraphQL path the sockets connect to. */
  path: string;
  engine: SubscriptionEngine;
  createContext: ContextFactory;
  /** The token limit documents are parsed with. */
  maxTokens: number;
  /** Runs a query or mutation as the same request over HTTP would run. */
  execute(operation: SocketOperation): Promise<FormattedExecutionResult>;
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
  /** The headers of connection_init, for a fresh context per query or mutation. */
  headers: Record<string, string | undefined>;
  /** The client's address, for the per-identity cap when auth is off. */
  clientAddress?: string;
  cancelExpiry(): void;
}

/** What an operation's execution returns: a subscription's stream, or a single result. */
interface Prepared {
  results?: AsyncIterableIterator<FormattedExecutionResult>;
  single?: Promise<FormattedExecutionResult>;
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

/** The document, when it parses and names a query or mutation; the rest goes to the engine. */
function nonSubscription(
  query: string,
  operationName: string | null | undefined,
  maxTokens: number,
): DocumentNode | null {
  const document = parseOperation(query, maxTokens);
  if (document instanceof OperationRefusedError) return null;
  const operation = getOperationAST(document, operationName)?.operation;
  return operation === 'query' || operation === 'mutation' ? document : null;
}

/**
 * The graphql-transport-ws protocol (graphql-ws) on the gateway's HTTP server: the token
 * in `connection_init`'s `authorization` is verified like a request's header, the socket
 * closes (4403) when it expires, and each subscription is served by the engine. Queries
 * and mutations, which clients that use one socket for everything send too, run as over
 * HTTP, each with its own request and correlation ids.
 */
export function createGraphQLWsServer(options: GraphQLWsServerOptions): GraphQLWsServer {
  const { engine, logger } = options;
  const limits = engine.limits;
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path });
  const drop = (socket: WebSocket) => socket.terminate();

  /** A query or mutation, in a context of its own: its own request and correlation ids. */
  const executeOnce = (
    connection: Connection,
    payload: Omit<SocketOperation, 'context'>,
  ): Promise<FormattedExecutionResult> =>
    options
      .createContext(connection.headers)
      .then((context) =>
        options.execute({
          ...payload,
          context: { ...context, clientAddress: connection.clientAddress },
        }),
      )
      .catch((error: unknown) => ({
        errors: [
          error instanceof GraphQLError
            ? error.toJSON()
            : { message: 'Internal error.', extensions: { code: 'INTERNAL' } },
        ],
      }));

  const disposable = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const params = ctx.connectionParams;
        try {
          const headers = { authorization: header(params, 'authorization') };
          const context = await options.createContext({
            ...headers,
            'x-request-id': header(params, 'x-request-id'),
            'x-correlation-id': header(params, 'x-correlation-id'),
          });
          const socket = ctx.extra.socket;
          const cancelExpiry = onTokenExpiry(context.identity, () =>
            socket.close(CloseCode.Forbidden, 'Token expired'),
          );
          (ctx.extra as ConnectionExtra).connection = {
            context,
            headers,
            clientAddress: ctx.extra.request.socket.remoteAddress,
            cancelExpiry,
          };
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
        const document = nonSubscription(payload.query, payload.operationName, options.maxTokens);
        if (document) {
          const prepared: Prepared = { single: executeOnce(connection, payload) };
          return { schema: undefined as never, document, contextValue: prepared };
        }
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
      execute: (args: ExecutionArgs) =>
        (args.contextValue as Prepared).single as Promise<unknown> as Promise<ExecutionResult>,
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
