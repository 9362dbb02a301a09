import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext';
import type { ConcurrencyCap } from './createConcurrencyCap';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];

/** Whose slots an operation takes: the token's subject, else the client's address. */
export const identityKey = (context: GatewayContext): string =>
  context.identity ? `sub:${context.identity.subject}` : `addr:${context.clientAddress ?? '?'}`;

/**
 * The gateway with its executor (planning and the subgraph calls) run inside the
 * caller's slots, so what waits or is refused is only what would call subgraphs.
 * The gateway's own operations (subscription payloads) are not held back.
 */
export function capGateway(gateway: GatewayInterface, cap: ConcurrencyCap): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const { executor } = await gateway.load(options);
      if (!executor) return { executor };
      return {
        executor: (requestContext) => {
          const context = requestContext.context as GatewayContext;
          if (context.internal) return executor(requestContext);
          return cap.run(identityKey(context), () => executor(requestContext));
        },
      };
    },
  };
}
