import { ErrorCode } from '../../../../runtime/edge';
import type { FormattedExecutionResult } from 'graphql';
import type { ContextFactory } from '../../context/createContextFactory';
import type { GatewayContext } from '../../context/GatewayContext';
import { formatThrown } from '../subscriptionErrors';
import { closeRateLimited, isRateLimited } from './closeSocket';
import type { SocketConnection, SocketExtra } from './SocketConnection';

/** A query or mutation sent over a socket. */
export interface SocketOperation {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  context: GatewayContext;
}

/** How a socket's operations are admitted and run. */
export interface SocketExecutor {
  createContext: ContextFactory;
  /** Runs a query or mutation as the same request over HTTP would run. */
  execute(operation: SocketOperation): Promise<FormattedExecutionResult>;
}

/**
 * A context for one operation of the socket, counted against the client's rate limits
 * like a request over HTTP; over a limit, the socket closes with 4429.
 */
export const admitOperation = (
  createContext: ContextFactory,
  extra: SocketExtra,
  connection: SocketConnection,
): Promise<GatewayContext> =>
  createContext(connection.headers, extra.request).catch((error: unknown) => {
    if (isRateLimited(error)) closeRateLimited(extra.socket);
    throw error;
  });

/** A query or mutation, in a context of its own: its own request and correlation ids. */
export const executeOnSocket = (
  executor: SocketExecutor,
  extra: SocketExtra,
  connection: SocketConnection,
  payload: Omit<SocketOperation, 'context'>,
): Promise<FormattedExecutionResult> =>
  admitOperation(executor.createContext, extra, connection)
    .then((context) => executor.execute({ ...payload, context }))
    .then((result) => {
      // Its cost was over the client's quota.
      if (result.errors?.some((e) => e.extensions?.code === ErrorCode.RATE_LIMITED)) {
        closeRateLimited(extra.socket);
      }
      return result;
    })
    .catch((error: unknown) => ({ errors: [formatThrown(error)] }));
