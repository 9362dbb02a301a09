import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext';
import type { ConcurrencyCap } from './createConcurrencyCap';
import { sharingKey, type InflightSharing } from './createInflightSharing';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];

/** Whose slots an operation takes: the token's subject, else the client's address. */
export const identityKey = (context: GatewayContext): string =>
  context.identity ? `sub:${context.identity.subject}` : `addr:${context.clientAddress ?? '?'}`;

/**
 * The gateway with its executor (planning and the subgraph calls) run inside the
 * caller's slots, so what waits or is refused is only what would call subgraphs.
 * The gateway's own operations (subscription payloads) are not held back. With `sharing`,
 * a query identical to one of the same caller's already running joins it (see
 * `sharingKey`) and takes no slot: every plugin (limits, cost, error masks) still runs
 * for each request, only planning and the subgraph calls are shared.
 */
export function capGateway(
  gateway: GatewayInterface,
  cap: ConcurrencyCap,
  sharing?: InflightSharing,
): GatewayInterface {
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
          const capped = () => cap.run(identityKey(context), () => executor(requestContext));
          const key = sharing && sharingKey(requestContext);
          if (!key) return capped();
          // Each caller gets a result object of its own: Apollo adds to it per request.
          return sharing.run(key, capped).then((result) => ({ ...result }));
        },
      };
    },
  };
}
