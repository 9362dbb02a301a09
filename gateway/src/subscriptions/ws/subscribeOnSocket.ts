import {
  GraphQLError,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { OperationRefusedError, parseOperation } from '../../../../runtime/edge';
import type { SubscriptionEngine } from '../engine/SubscriptionEngine';
import { badSubscription, formatThrown } from '../subscriptionErrors';
import { admitOperation, executeOnSocket, type SocketExecutor } from './executeOnSocket';
import type { SocketConnection, SocketContext, SocketExecution } from './SocketConnection';

/** What a socket's operations are served by. */
export interface SocketServing extends SocketExecutor {
  engine: SubscriptionEngine;
  /** The token limit documents are parsed with. */
  maxTokens: number;
}

const asGraphQLErrors = (errors: readonly GraphQLFormattedError[]) =>
  errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions }));

/** The arguments graphql-ws executes with: only the document, and what to return. */
const executionOf = (document: DocumentNode, execution: SocketExecution): ExecutionArgs => ({
  schema: undefined as never,
  document,
  contextValue: execution,
});

/** The document, when it parses and names a query or mutation; the rest goes to the engine. */
function nonSubscription(payload: SubscribePayload, maxTokens: number): DocumentNode | null {
  const document = parseOperation(payload.query, maxTokens);
  if (document instanceof OperationRefusedError) return null;
  const operation = getOperationAST(document, payload.operationName)?.operation;
  return operation === 'query' || operation === 'mutation' ? document : null;
}

/** A subscription: counted as a request, it runs in the connection's context. */
async function startOnSocket(
  ctx: SocketContext,
  connection: SocketConnection,
  payload: SubscribePayload,
  serving: SocketServing,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const { limits } = serving.engine;
  if (Object.keys(ctx.subscriptions).length > limits.maxPerConnection) {
    const message = `At most ${limits.maxPerConnection} subscriptions per connection.`;
    return asGraphQLErrors(badSubscription(message, 'TOO_MANY_SUBSCRIPTIONS').errors);
  }
  try {
    await admitOperation(serving.createContext, ctx.extra, connection);
  } catch (error) {
    return asGraphQLErrors([formatThrown(error)]);
  }
  const outcome = await serving.engine.subscribe({
    query: payload.query,
    variables: payload.variables,
    operationName: payload.operationName,
    cursor: payload.extensions?.cursor,
    context: connection.context,
    onOverflow: connection.drop,
  });
  if ('errors' in outcome) return asGraphQLErrors(outcome.errors);
  return executionOf(outcome.document, { results: outcome.results });
}

/**
 * graphql-ws's `onSubscribe`: a query or mutation runs as over HTTP, each with its own
 * request and correlation ids; a subscription is served by the engine.
 */
export async function subscribeOnSocket(
  ctx: SocketContext,
  payload: SubscribePayload,
  serving: SocketServing,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const connection = ctx.extra.connection;
  if (!connection) return [new GraphQLError('Not connected.')];
  const document = nonSubscription(payload, serving.maxTokens);
  if (!document) return startOnSocket(ctx, connection, payload, serving);
  return executionOf(document, {
    single: executeOnSocket(serving, ctx.extra, connection, payload),
  });
}
