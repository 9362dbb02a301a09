import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { forwardedHeaders, type GatewayContext } from '../context/GatewayContext';
import type { InProcessExecutor } from './SubgraphEndpoint';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph in the same process: the planned operation goes straight to the
 * subgraph's executor with the headers an HTTP call would carry, so the
 * subgraph authenticates and correlates it exactly as it would over HTTP.
 */
export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly execute: InProcessExecutor) {}

  async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    if (!request.query) throw new Error('The query plan produced a fetch without a query.');
    const { query, variables, operationName } = request;
    const result = await this.execute(
      { query, variables, ...(operationName ? { operationName } : {}) },
      forwardedHeaders(context),
    );
    return result as SubgraphResponse;
  }
}
