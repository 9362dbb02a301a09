import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './GatewayContext';

/** Returns the request and correlation ids to the client, so a report can name them. */
export function createRequestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          response.http.headers.set('x-correlation-id', contextValue.correlationId);
        },
      };
    },
  };
}
