import type { Context } from 'graphql-ws';
// The package's `exports` map is not read under this project's module resolution: the
// types come from the file, the code through the exported path.
import type * as UseWs from 'graphql-ws/dist/use/ws.cjs';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../../context/GatewayContext';

/** A socket whose `connection_init` was accepted. */
export interface SocketConnection {
  context: GatewayContext;
  /** The headers of connection_init, for a fresh context per query or mutation. */
  headers: Record<string, string | undefined>;
  cancelExpiry(): void;
  /** Drops the socket, its client too slow (one function for all its subscriptions). */
  drop(): void;
}

/** What graphql-ws keeps per socket: ws's own, and the connection once accepted. */
export type SocketExtra = UseWs.Extra & { connection?: SocketConnection };

/** A socket's context in graphql-ws's callbacks. */
export type SocketContext = Context<Record<string, unknown>, SocketExtra>;

/** What an operation's execution returns: a subscription's stream, or a single result. */
export interface SocketExecution {
  results?: AsyncIterableIterator<FormattedExecutionResult>;
  single?: Promise<FormattedExecutionResult>;
}
