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
import { ErrorCode, HTTP_STATUS } from '../../../runtime/src/errors';
import type { ClientAddress } from '../../../runtime/src/http/clientAddress';
import type { Logger } from '../../../runtime/src/logger';
import { OperationRefusedError, parseOperation } from '../../../runtime/src/operationLimits';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import { createSocketGate } from './createSocketGate';
import type { SubscriptionEngine } from './createSubscriptionEngine';
import { badSubscription, formatThrown } from './subscriptionErrors';
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
  /** Largest message read, in bytes: the HTTP body limit (larger frames close the socket, 1009). */
  maxPayloadBytes: number;
  /** The address a socket's upgrade request comes from, for the caps per address. */
  clientAddress: ClientAddress;
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
  cancelExpiry(): void;
}

/** The close code of a socket over a rate limit, like HTTP's 429. */
export const RATE_LIMITED_CLOSE = 4429;

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

const isRateLimited = (error: unknown) =>
  error instanceof GraphQLError && error.extensions.code === ErrorCode.RATE_LIMITED;

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
  const gate = createSocketGate(limits, options.clientAddress);
  const retryAfter = String(Math.ceil(limits.connectionInitTimeoutMs / 1000));
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    // ws reads a frame's length first and closes (1009) without reading a larger one.
    maxPayload: options.maxPayloadBytes,
    // Refused before the upgrade, so a refused socket costs nothing past its request.
    verifyClient: ({ req }, done) => {
      const refused = gate.refusal(req);
      if (refused) done(false, HTTP_STATUS.RATE_LIMITED, refused, { 'retry-after': retryAfter });
      else done(true);
    },
  });
  const drop = (socket: WebSocket) => socket.terminate();
  const tooMany = (socket: WebSocket) => socket.close(RATE_LIMITED_CLOSE, 'Too many requests');

  /**
   * A context for one operation of the socket, counted against the client's rate limits
   * like a request over HTTP; over a limit, the socket closes with 4429.
   */
  const admit = (extra: UseWs.Extra, connection: Connection) =>
    options.createContext(connection.headers, extra.request).catch((error: unknown) => {
      if (isRateLimited(error)) tooMany(extra.socket);
      throw error;
    });

  /** A query or mutation, in a context of its own: its own request and correlation ids. */
  const executeOnce = (
    extra: UseWs.Extra,
    connection: Connection,
    payload: Omit<SocketOperation, 'context'>,
  ): Promise<FormattedExecutionResult> =>
    admit(extra, connection)
      .then((context) => options.execute({ ...payload, context }))
      .then((result) => {
        // Its cost was over the client's quota.
        if (result.errors?.some((e) => e.extensions?.code === ErrorCode.RATE_LIMITED)) {
          tooMany(extra.socket);
        }
        return result;
      })
      .catch((error: unknown) => ({ errors: [formatThrown(error)] }));

  const disposable = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const params = ctx.connectionParams;
        const socket = ctx.extra.socket;
        try {
          const headers = { authorization: header(params, 'authorization') };
          const context = await options.createContext(
            {
              ...headers,
              'x-request-id': header(params, 'x-request-id'),
              'x-correlation-id': header(params, 'x-correlation-id'),
            },
            ctx.extra.request,
          );
          const cancelExpiry = onTokenExpiry(context.identity, () =>
            socket.close(CloseCode.Forbidden, 'Token expired'),
          );
          (ctx.extra as ConnectionExtra).connection = { context, headers, cancelExpiry };
          gate.initialised(socket);
          return true;
        } catch (error) {
          // Closed with 4429 first, graphql-ws's 4403 that follows changes nothing.
          if (isRateLimited(error)) tooMany(socket);
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
          const prepared: Prepared = { single: executeOnce(ctx.extra, connection, payload) };
          return { schema: undefined as never, document, contextValue: prepared };
        }
        if (Object.keys(ctx.subscriptions).length > limits.maxPerConnection) {
          const { errors } = badSubscription(
            `At most ${limits.maxPerConnection} subscriptions per connection.`,
            'TOO_MANY_SUBSCRIPTIONS',
          );
          return asGraphQLErrors(errors);
        }
        // A subscription counts as a request; it runs in the connection's context.
        try {
          await admit(ctx.extra, connection);
        } catch (error) {
          return asGraphQLErrors([formatThrown(error)]);
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
  wss.on('connection', (socket: WebSocket, req: http.IncomingMessage) => {
    gate.opened(socket, req);
    // graphql-ws writes every socket error to the console with its stack. They are the
    // client's doing (a frame over the limit, a reset, a bad frame) and ws has already
    // closed the socket, so they are logged here, below error level.
    socket.removeAllListeners('error');
    socket.on('error', (error) =>
      logger.debug({ err: error }, 'websocket closed on a client error'),
    );
  });
  wss.on('error', (error) => logger.warn({ err: error }, 'websocket server error'));

  return {
    clients: () => wss.clients.size,
    async close() {
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await disposable.dispose();
    },
  };
}
