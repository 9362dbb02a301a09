import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DomainError, ErrorCode } from '../../../runtime/edge';
import { forwardedHeaders, type GatewayContext } from '../context/GatewayContext';
import type { Deadline } from './Deadline';
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

  /** Runs one operation; past `deadline` (the policy's), stops waiting for it. */
  async process(
    { request, context }: GraphQLDataSourceProcessOptions<GatewayContext>,
    deadline?: Deadline,
  ): Promise<SubgraphResponse> {
    if (!request.query) throw new Error('The query plan produced a fetch without a query.');
    const { query, variables, operationName } = request;
    const result = this.execute(
      { query, variables, ...(operationName ? { operationName } : {}) },
      forwardedHeaders(context),
    ).catch((error: unknown) => {
      throw this.asUnreachable(error);
    });
    return (await (deadline ? this.givenUpAt(deadline, result) : result)) as SubgraphResponse;
  }

  /** A subgraph that is stopped says UNAVAILABLE: to the gateway that is a closed connection. */
  private asUnreachable(error: unknown): unknown {
    if (!(error instanceof DomainError) || error.code !== ErrorCode.UNAVAILABLE) return error;
    return new SubgraphUnavailableError(
      this.subgraph,
      'UNREACHABLE',
      `The ${this.subgraph} subgraph could not be reached.`,
      { cause: error, safeToRetry: true },
    );
  }

  /**
   * An executor cannot be stopped: past the deadline the call is given up (and counts
   * as a timeout) while the subgraph finishes it in the background.
   */
  private givenUpAt<T>(deadline: Deadline, result: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      deadline.onExpired(() =>
        reject(
          new SubgraphUnavailableError(
            this.subgraph,
            'TIMEOUT',
            `The ${this.subgraph} subgraph did not answer in time.`,
          ),
        ),
      );
      result.then(resolve, reject);
    });
  }
}
