import type { BaseContext } from '@apollo/server';
import type { Identity } from '../../../runtime/edge';

/** What the gateway knows about a request; data sources forward parts of it to subgraphs. */
export interface GatewayContext extends BaseContext {
  /** The verified caller; null when auth is off. */
  identity: Identity | null;
  /** The client's `x-request-id`, or a new one. */
  requestId: string;
  /** The client's `x-correlation-id`, or a new one: the chain this request starts. */
  correlationId: string;
  /** W3C trace context of the request's span (or the client's, without tracing), for subgraphs. */
  traceparent?: string;
  /** The client's `Authorization` header, forwarded so subgraphs verify it again. */
  authorization?: string;
  /** The client's network address (whose slots an operation takes when auth is off). */
  clientAddress?: string;
  /** Set on the gateway's own operations (subscription payloads): no per-identity cap applies. */
  internal?: boolean;
}

/** The headers a subgraph call carries, in-process or over HTTP. */
export function forwardedHeaders(context: Partial<GatewayContext>): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.authorization) headers.authorization = context.authorization;
  if (context.requestId) headers['x-request-id'] = context.requestId;
  if (context.correlationId) headers['x-correlation-id'] = context.correlationId;
  if (context.traceparent) headers.traceparent = context.traceparent;
  return headers;
}
