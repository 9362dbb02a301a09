import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, type GatewayAssertionSigner, NOT_THE_GATEWAY } from '../../../runtime/edge';
import { forwardedHeaders, type GatewayContext } from '../context/GatewayContext';
import type { Deadline } from './Deadline';
import type { DeadlineFetcher, Fetcher, FetchError } from './createHttpFetcher';
import { SubgraphUnavailableError } from './SubgraphUnavailableError';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Codes a subgraph may answer with on a non-2xx response that reach the client as they are. */
const PASSED_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAVAILABLE,
]);

/**
 * A subgraph over HTTP: Apollo's data source, forwarding the caller's token and
 * the request, correlation and trace ids (with the gateway's assertion when it
 * signs one), and turning transport failures into UNAVAILABLE instead of
 * leaking URLs and response bodies to the client.
 */
export class HttpDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly fetchWithin: DeadlineFetcher,
    private readonly assertion?: GatewayAssertionSigner,
  ) {
    super({ url, fetcher: fetchWithin });
  }

  /** Runs one fetch, ended by `deadline` (the subgraph policy's). */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>, deadline?: Deadline) {
    if (!deadline) return super.process(options);
    // Apollo's data source gives its fetcher no per-call options: this call runs on a
    // view of the source whose fetcher carries the deadline.
    const call = Object.create(this) as HttpDataSource;
    call.fetcher = (url, init) => this.fetchWithin(url, init, deadline);
    return super.process.call(call, options);
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    for (const [name, value] of Object.entries(forwardedHeaders(context))) headers.set(name, value);
    if (this.assertion) headers.set(this.assertion.header, await this.assertion.current());
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
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
    const body = await this.parseBody(response).catch(() => undefined);
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

  override didEncounterError(error: FetchError): never {
    if (error instanceof GraphQLError) throw error;
    throw new SubgraphUnavailableError(
      this.subgraph,
      'UNREACHABLE',
      `The ${this.subgraph} subgraph could not be reached.`,
      { cause: error, safeToRetry: error.notSent === true },
    );
  }
}
