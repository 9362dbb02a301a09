import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, formatError } from '../../../runtime/src/errors';
import type { Logger } from '../../../runtime/src/logger';
import type { GatewayContext } from '../context/GatewayContext';

/**
 * Logs the errors a client only sees as INTERNAL or UNAVAILABLE, with the
 * request and correlation ids, so the masked detail can still be found.
 * Variables and results are never logged: they may hold personal data.
 */
export function createLoggingPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const formatted = formatError(
              error instanceof GraphQLError ? error.toJSON() : { message: String(error) },
              error,
            );
            const code = formatted.extensions?.code;
            if (code !== ErrorCode.INTERNAL && code !== ErrorCode.UNAVAILABLE) continue;
            const original = (error as GraphQLError).originalError ?? error;
            logger.error(
              {
                err: original,
                code,
                operation: operationName,
                path: (error as GraphQLError).path,
                subgraph: (error as GraphQLError).extensions?.serviceName,
                requestId: contextValue.requestId,
                correlationId: contextValue.correlationId,
              },
              'GraphQL request failed',
            );
          }
        },
      };
    },
  };
}
