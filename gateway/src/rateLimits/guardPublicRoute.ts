import {
  type ClientAddress,
  HTTP_STATUS,
  HttpError,
  httpStatusOf,
  type RouteHandler,
  sendError,
} from '../../../runtime/edge';
import type { RateLimits } from './createRateLimits';
import { RateLimitedError } from './RateLimitedError';

/**
 * A route anyone may call without a token (sign-in), under the address's limits: each request
 * counts against the client address's quota, an address blocked for failed sign-ins is
 * refused with 429, and an answer of 401 counts as a failed sign-in from the address. So one
 * address cannot guess passwords across many accounts, which an account's own lock-out alone
 * would not stop.
 */
export function guardPublicRoute(
  route: RouteHandler,
  limits: RateLimits,
  clientAddress: ClientAddress,
): RouteHandler {
  return async (req, res) => {
    const address = clientAddress(req);
    try {
      await limits.admitAddress(address);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      res.setHeader('retry-after', String(error.quota.resetSeconds));
      return sendError(res, new HttpError(httpStatusOf(error.code), error.message, error.code));
    }
    res.once('finish', () => {
      if (res.statusCode !== HTTP_STATUS.UNAUTHENTICATED) return;
      void limits.recordAuthFailure(address).catch(() => undefined);
    });
    await route(req, res);
  };
}
