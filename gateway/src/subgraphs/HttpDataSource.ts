import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { NOT_THE_GATEWAY, type GatewayAssertionSigner } from '../../../runtime/src/auth';
import { ErrorCode, unavailable } from '../../../runtime/src/errors';
import { forwardedHeaders, type GatewayContext } from '../context/GatewayContext';
import type { Fetcher } from './createHttpFetcher';

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
    fetcher: Fetcher,
    private readonly assertion?: GatewayAssertionSigner,
  ) {
    super({ url, fetcher });
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
    const failure = `The ${this.subgraph} subgraph answered HTTP ${response.status}.`;
    // A gateway or load balancer in front of the subgraph: it is down, not broken.
    const originalError =
      response.status >= 502 && response.status <= 504 ? unavailable(failure) : undefined;
    return new GraphQLError(failure, { originalError });
  }

  override didEncounterError(error: Error): never {
    if (error instanceof GraphQLError) throw error;
    throw unavailable(`The ${this.subgraph} subgraph could not be reached.`, error);
  }
}
