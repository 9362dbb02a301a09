import type { ClientAddress, Logger } from '../../../runtime/edge';
import type { GatewayOptions } from '../GatewayOptions';
import { createRateLimiting, type RateLimiting } from '../rateLimits/createRateLimiting';
import { createContextFactory, type ContextFactory } from './createContextFactory';

export interface GatewayContextFactory {
  createContext: ContextFactory;
  /** The rate limits contexts are counted against, when `rateLimits` was given. */
  rateLimiting?: RateLimiting;
}

/**
 * The context factory every transport makes a request's context with: ids and the
 * verified identity, counted against the rate limits when there are any.
 */
export function createGatewayContextFactory(
  options: Pick<GatewayOptions, 'auth' | 'verifier' | 'rateLimits'>,
  clientAddress: ClientAddress,
  logger: Logger,
): GatewayContextFactory {
  const rateLimiting =
    options.rateLimits && createRateLimiting({ limits: options.rateLimits, clientAddress, logger });
  const verified = createContextFactory({
    auth: options.auth ?? 'required',
    verifier: options.verifier,
    clientAddress,
  });
  return { createContext: rateLimiting ? rateLimiting.wrap(verified) : verified, rateLimiting };
}
