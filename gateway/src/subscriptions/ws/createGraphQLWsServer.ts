import type http from 'node:http';
// The package's `exports` map is not read under this project's module resolution: the
// types come from the file, the code through the exported path.
import type * as UseWs from 'graphql-ws/dist/use/ws.cjs';
import {
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  GraphQLError,
} from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { type ClientAddress, HTTP_STATUS, type Logger } from '../../../../runtime/edge';
import { dropSocket } from './closeSocket';
import { connectSocket } from './connectSocket';
import { createSocketGate, type SocketGate } from './createSocketGate';
import type { SocketConnection, SocketExecution } from './SocketConnection';
import { subscribeOnSocket, type SocketServing } from './subscribeOnSocket';

export interface GraphQLWsServerOptions extends SocketServing {
  httpServer: http.Server;
  /** The GraphQL path the sockets connect to. */
  path: string;
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

/**
 * Longest subscribe id served. graphql-ws keeps each subscription under the client's id, of
 * any length a message may hold; no client needs more than a UUID's few dozen characters.
 */
export const MAX_SUBSCRIPTION_ID = 128;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof UseWs;

/** The socket server on the GraphQL path; sockets over the gate's caps are refused with 429. */
function createSocketServer(options: GraphQLWsServerOptions, gate: SocketGate): WebSocketServer {
  const retryAfter = String(Math.ceil(options.engine.limits.connectionInitTimeoutMs / 1000));
  return new WebSocketServer({
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
}

/**
 * Counts each socket at the gate, and logs socket errors below error level. Called after
 * graphql-ws has its listeners, since it replaces graphql-ws's listener for socket errors.
 */
function watchSockets(wss: WebSocketServer, gate: SocketGate, logger: Logger): void {
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
}

/**
 * The graphql-transport-ws protocol (graphql-ws) on the gateway's HTTP server: the token
 * in `connection_init`'s `authorization` is verified like a request's header, the socket
 * closes (4403) when it expires, and each subscription is served by the engine. Queries
 * and mutations, which clients that use one socket for everything send too, run as over
 * HTTP, each with its own request and correlation ids.
 */
export function createGraphQLWsServer(options: GraphQLWsServerOptions): GraphQLWsServer {
  const { limits } = options.engine;
  const gate = createSocketGate(limits, options.clientAddress);
  const wss = createSocketServer(options, gate);
  const disposable = useServer<Record<string, unknown>, { connection: SocketConnection }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: (ctx) => connectSocket(ctx, options.createContext, gate),
      onClose(ctx) {
        ctx.extra.connection?.cancelExpiry();
      },
      onSubscribe(ctx, id, payload) {
        if (id.length <= MAX_SUBSCRIPTION_ID) return subscribeOnSocket(ctx, payload, options);
        // 4400 is graphql-ws's own code for a message it cannot take.
        const reason = `Subscription id over ${MAX_SUBSCRIPTION_ID} characters`;
        ctx.extra.socket.close(4400, reason);
        return [new GraphQLError(reason)];
      },
      // Results are already formatted (errors as JSON); onNext passes them on unchanged.
      subscribe: (args: ExecutionArgs) =>
        (args.contextValue as SocketExecution)
          .results as AsyncIterable<unknown> as AsyncIterable<ExecutionResult>,
      execute: (args: ExecutionArgs) =>
        (args.contextValue as SocketExecution)
          .single as Promise<unknown> as Promise<ExecutionResult>,
      onNext(ctx, _id, _payload, _args, result) {
        // A client that does not read fills its send buffer; it alone is dropped.
        if (ctx.extra.socket.bufferedAmount > limits.maxBufferedBytes) dropSocket(ctx.extra.socket);
        return result as FormattedExecutionResult;
      },
    },
    wss,
  );
  watchSockets(wss, gate, options.logger);
  return {
    clients: () => wss.clients.size,
    async close() {
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      await disposable.dispose();
    },
  };
}
