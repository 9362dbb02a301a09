/** A GraphQL request as the gateway sends it to a subgraph. */
export interface SubgraphRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** A subgraph's GraphQL response (errors already formatted by the subgraph). */
export interface SubgraphResult {
  data?: unknown;
  errors?: readonly unknown[];
}

/**
 * Runs an operation on a subgraph in the same process (all-in-one), with the
 * headers an HTTP call would carry: `authorization`, `x-request-id`,
 * `x-correlation-id`, `traceparent`.
 */
export type InProcessExecutor = (
  request: SubgraphRequest,
  headers: Record<string, string>,
) => Promise<SubgraphResult>;

/**
 * Where a subgraph is: a URL, or an executor in this process, with its own
 * readiness (its database, say), which then counts for the gateway's.
 */
export type SubgraphEndpoint =
  { url: string } | { execute: InProcessExecutor; ready?: () => Promise<boolean> };
