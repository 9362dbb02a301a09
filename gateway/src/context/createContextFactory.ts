import type { IncomingMessage } from 'node:http';
import {
  authFailure,
  type ClientAddress,
  currentTraceparent,
  type TokenVerifier,
  validId,
  validTraceparent,
} from '../../../runtime/edge';
import type { GatewayContext } from './GatewayContext';

export type AuthMode = 'required' | 'off';

export interface ContextFactoryOptions {
  /** `off` serves without tokens (benchmarks, public graphs); subgraphs still see any header sent. */
  auth: AuthMode;
  verifier?: TokenVerifier;
  /** The address a client's request comes from (default: the socket's remote address). */
  clientAddress?: ClientAddress;
}

/** Request headers, as Apollo's HeaderMap or a plain lower-case record. */
export type RequestHeaders = Pick<Map<string, string>, 'get'> | Record<string, string | undefined>;

/**
 * Makes a request's context from its headers. `request` is the client's own HTTP request
 * (for a socket, its upgrade request), which limits per client address read; contexts
 * the gateway makes for its own work have none.
 */
export type ContextFactory = (
  headers: RequestHeaders,
  request?: IncomingMessage,
) => Promise<GatewayContext>;

/**
 * Builds the per-request context: ids, trace context and, with auth on, the
 * verified identity. It runs before Apollo parses the operation, so a request
 * without a valid token never reaches planning or a subgraph.
 */
export function createContextFactory(options: ContextFactoryOptions): ContextFactory {
  const verifier = options.verifier;
  if (options.auth === 'required' && !verifier) {
    throw new TypeError('A token verifier is required unless auth is off.');
  }
  const addressOf: ClientAddress =
    options.clientAddress ?? ((request) => request.socket.remoteAddress ?? 'unknown');
  return async (headers, request) => {
    const header = (name: string) =>
      (typeof headers.get === 'function'
        ? (headers as Map<string, string>).get(name)
        : (headers as Record<string, string | undefined>)[name]) || undefined;
    const authorization = header('authorization');
    const traceparent = header('traceparent');
    const context: GatewayContext = {
      identity: null,
      requestId: validId(header('x-request-id')),
      correlationId: validId(header('x-correlation-id')),
      // The request's span continues the client's trace; without tracing, the client's is passed on.
      traceparent: currentTraceparent() ?? validTraceparent(traceparent),
      authorization,
      clientAddress: request && addressOf(request),
    };
    if (options.auth === 'off' || !verifier) return context;
    try {
      context.identity = await verifier.verify(authorization);
    } catch (error) {
      throw authFailure(error);
    }
    return context;
  };
}
