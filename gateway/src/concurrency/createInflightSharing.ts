import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type RequestContext = Parameters<Executor>[0];

/** Work in flight by key: a second caller with the same key joins the first one's run. */
export interface InflightSharing {
  /** Runs `work`, or answers the run of the same key already in flight. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Keys in flight now. */
  size(): number;
}

export function createInflightSharing(): InflightSharing {
  const inflight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const running = inflight.get(key);
      if (running) return running as Promise<T>;
      const started = work().finally(() => inflight.delete(key));
      inflight.set(key, started);
      return started;
    },
    size: () => inflight.size,
  };
}

/**
 * What makes two operations the same work: the caller's credentials (the bearer token the
 * subgraphs see, so no result ever crosses from one caller to another), the document, the
 * operation and the variables. Only queries: a mutation or the gateway's own operations
 * (subscription payloads) always run on their own.
 */
export function sharingKey(requestContext: RequestContext): string | undefined {
  const context = requestContext.context as GatewayContext;
  if (context.internal || requestContext.operation.operation !== 'query') return undefined;
  return JSON.stringify([
    context.authorization ?? null,
    context.identity?.token ?? null,
    requestContext.queryHash,
    requestContext.operationName,
    requestContext.request.variables ?? null,
  ]);
}
