import crypto from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../../context/GatewayContext';

/**
 * Runs an operation through the gateway as the client whose context this is, under a
 * request id of its own: the gateway's own work, not charged to the client's request.
 */
export async function runAsClient(
  apollo: ApolloServer<GatewayContext>,
  context: GatewayContext,
  query: string,
  variables: Record<string, unknown>,
): Promise<FormattedExecutionResult> {
  const { body } = await apollo.executeOperation(
    { query, variables },
    { contextValue: { ...context, requestId: crypto.randomUUID(), internal: true } },
  );
  return body.kind === 'single'
    ? (body.singleResult as FormattedExecutionResult)
    : { errors: [{ message: 'Incremental result.' }] };
}
