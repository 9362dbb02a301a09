import { GraphQLError } from 'graphql';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The package's index does not re-export these.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { parseCacheControlHeader } from '@apollo/gateway/dist/datasources/parseCacheControlHeader';
import { ErrorCode, type GatewayAssertionSigner, NOT_THE_GATEWAY } from '../../../runtime/edge';
import { forwardedHeaders, type GatewayContext } from '../context/GatewayContext';
import type { Deadline } from './Deadline';
import type { DeadlineFetcher, Fetcher, FetchError } from './createHttpFetcher';
import { SubgraphUnavailableError } from './SubgraphUnavailableError';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** Codes a subgraph may answer with on a non-2xx response that reach the client as they are. */
const PASSED_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAVAILABLE,
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as JSON when the subgraph says it is JSON, else as text (as Apollo's data source). */
function parseBody(response: FetcherResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  const json =
    type?.startsWith('application/json') || type?.startsWith('application/graphql-response+json');
  return json ? response.json() : response.text();
}

/** A subgraph's `Cache-Control` narrows the answer's cache policy, as Apollo's data source does. */
function restrictCachePolicy(options: Options, response: FetcherResponse): void {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  const parsed = parseCacheControlHeader(response.headers.get('cache-control') ?? undefined);
  const maxAge = parsed['max-age'];
  const scope = parsed.private === true ? 'PRIVATE' : parsed.public === true ? 'PUBLIC' : undefined;
  policy.restrict({
    maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(scope ? { scope } : {}),
  });
}

/**
 * A subgraph over HTTP, forwarding the caller's token and the request, correlation and
 * trace ids (with the gateway's assertion when it signs one), and turning transport
 * failures into UNAVAILABLE instead of leaking URLs and response bodies to the client.
 * It does what Apollo's RemoteGraphQLDataSource does for a call, without the WHATWG
 * Request and Headers that class built twice per call and never sent: with 16 subgraph
 * calls per client request they were a large part of the gateway's time.
 */
export class HttpDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly fetchWithin: DeadlineFetcher,
    private readonly assertion?: GatewayAssertionSigner,
  ) {}

  /** Runs one call, ended by `deadline` (the subgraph policy's). */
  async process(options: Options, deadline?: Deadline): Promise<Response> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers = this.headersOf(options);
    // Only a signed assertion needs a wait; a call without one goes out in the same turn.
    if (this.assertion) {
      headers[this.assertion.header.toLowerCase()] = await this.assertion.current();
    }
    const { query, variables, operationName, extensions } = request;
    const body = JSON.stringify({ query, variables, operationName, extensions });
    try {
      const response = await this.fetchWithin(
        this.url,
        { method: 'POST', headers, body },
        deadline,
      );
      if (!response.ok) throw await this.errorFromResponse(response);
      const parsed = await parseBody(response);
      if (!isObject(parsed))
        throw new Error(`Expected JSON response body, but received: ${parsed}`);
      restrictCachePolicy(options, response);
      return parsed as Response;
    } catch (error) {
      this.didEncounterError(error as FetchError);
    }
  }

  private headersOf({ request, context }: Options): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    return Object.assign(headers, forwardedHeaders(context));
  }

  private async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const failure = `The ${this.subgraph} subgraph answered HTTP ${response.status}.`;
    // 502 to 504: the subgraph, or a gateway or load balancer in front of it, says it is
    // down, not broken. After a 503 nothing was done, so a read may be sent again.
    if (response.status >= 502 && response.status <= 504) {
      const safeToRetry = response.status === 503;
      return new GraphQLError(failure, {
        originalError: new SubgraphUnavailableError(this.subgraph, 'UNAVAILABLE', failure, {
          safeToRetry,
        }),
      });
    }
    const body = await parseBody(response).catch(() => undefined);
    const first = (
      body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] }
    )?.errors?.[0];
    const code = String(first?.extensions?.code ?? '');
    // A subgraph that does not take the gateway's assertion is a fault here, not the client's.
    const refusedGateway = first?.extensions?.reason === NOT_THE_GATEWAY;
    if (first && PASSED_CODES.has(code) && !refusedGateway) {
      const { field, rule } = first.extensions ?? {};
      return new GraphQLError(String(first.message ?? code), {
        extensions: { code, ...(field ? { field } : {}), ...(rule ? { rule } : {}) },
      });
    }
    return new GraphQLError(failure);
  }

  private didEncounterError(error: FetchError): never {
    if (error instanceof GraphQLError) throw error;
    throw new SubgraphUnavailableError(
      this.subgraph,
      'UNREACHABLE',
      `The ${this.subgraph} subgraph could not be reached.`,
      { cause: error, safeToRetry: error.notSent === true },
    );
  }
}
