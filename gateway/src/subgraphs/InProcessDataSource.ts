import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { forwardedHeaders, type GatewayContext } from '../context/GatewayContext';
import type { InProcessExecutor } from './SubgraphEndpoint';
import { SubgraphUnavailableError } from './SubgraphUnavailableError';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph in the same process: the planned operation goes straight to the
 * subgraph's executor with the headers an HTTP call would carry, so the
 * subgraph authenticates and correlates it exactly as it would over HTTP.
 */
export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly execute: InProcessExecutor,
  ) {}

  /** Runs one operation; when `signal` (the policy's deadline) aborts, stops waiting for it. */
  async process(
    { request, context }: GraphQLDataSourceProcessOptions<GatewayContext>,
    signal?: AbortSignal,
  ): Promise<SubgraphResponse> {
    if (!request.query) throw new Error('The query plan produced a fetch without a query.');
    const { query, variables, operationName } = request;
    const result = this.execute(
      { query, variables, ...(operationName ? { operationName } : {}) },
      forwardedHeaders(context),
    );
    return (await (signal ? this.abandonedOnAbort(result, signal) : result)) as SubgraphResponse;
  }

  /**
   * An executor cannot be stopped: past the deadline the call is given up (and counts
   * as a timeout) while the subgraph finishes it in the background.
   */
  private abandonedOnAbort<T>(result: Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abandon = () =>
        reject(
          new SubgraphUnavailableError(
            this.subgraph,
            'TIMEOUT',
            `The ${this.subgraph} subgraph did not answer in time.`,
          ),
        );
      if (signal.aborted) return abandon();
      signal.addEventListener('abort', abandon, { once: true });
      result.then(resolve, reject).finally(() => signal.removeEventListener('abort', abandon));
    });
  }
}
