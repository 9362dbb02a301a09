import { GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';
import { ErrorCode } from '../../../../runtime/edge';

/** The close code of a socket over a rate limit, like HTTP's 429. */
export const RATE_LIMITED_CLOSE = 4429;

/** Closes a socket over a rate limit with 4429. */
export const closeRateLimited = (socket: WebSocket) =>
  socket.close(RATE_LIMITED_CLOSE, 'Too many requests');

/** Drops a client that does not keep up, without a closing handshake. */
export const dropSocket = (socket: WebSocket) => socket.terminate();

export const isRateLimited = (error: unknown) =>
  error instanceof GraphQLError && error.extensions.code === ErrorCode.RATE_LIMITED;
