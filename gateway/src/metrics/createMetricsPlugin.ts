import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context/GatewayContext';
import type { GatewayMetrics } from './createGatewayMetrics';

/** Records each request's latency by operation and each error sent, by code. */
export function createMetricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  const countErrors = (errors: readonly GraphQLFormattedError[] | undefined) => {
    for (const error of errors ?? []) {
      metrics.errors.inc({ code: metrics.codeLabel(error.extensions?.code) });
    }
  };
  return {
    async contextCreationDidFail({ error }) {
      metrics.errors.inc({
        code: metrics.codeLabel((error as Partial<GraphQLError>).extensions?.code),
      });
    },
    async requestDidStart() {
      const end = metrics.requestDuration.startTimer();
      return {
        async willSendResponse({ operationName, response }) {
          end({ operation: metrics.operationLabel(operationName) });
          if (response.body.kind === 'single') countErrors(response.body.singleResult.errors);
          else countErrors(response.body.initialResult.errors);
        },
      };
    },
  };
}
