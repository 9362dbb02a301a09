import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  type CheckedOperation,
  type ClientAddress,
  ErrorCode,
  type Logger,
} from '../../../runtime/edge';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import { asRequestError } from '../errors/asRequestError';
import { createRateLimits, type RateLimits } from './createRateLimits';
import { RateLimitedError, type QuotaState } from './RateLimitedError';
import { rateLimitHeaders } from './rateLimitHeaders';
import type { RateLimitOptions } from './RateLimitOptions';

export interface RateLimitingOptions {
  limits: RateLimitOptions;
  /** The address each request comes from (counted before its token is checked). */
  clientAddress: ClientAddress;
  logger: Logger;
}

export interface RateLimiting {
  readonly limits: RateLimits;
  /**
   * The context factory with rate limits: a context made for a client's request (one
   * given the request) is counted against the address and the identity, and refused
   * with RATE_LIMITED over a quota; failed authentications are counted per address.
   */
  wrap(createContext: ContextFactory): ContextFactory;
  /**
   * Charges an admitted operation's cost to its client request's quotas, once per request;
   * refuses it with RATE_LIMITED when that goes over one.
   */
  charge(context: GatewayContext, checked: CheckedOperation): Promise<void>;
  /** Writes the RateLimit headers of each client request's answer. */
  plugin: ApolloServerPlugin<GatewayContext>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** What was counted for one client request. */
interface Counted {
  /** The request's id: its operation runs with it, the gateway's own work with ids of its own. */
  requestId: string;
  address: string;
  states: QuotaState[];
  refused?: QuotaState;
  /** Whether its answer's headers are taken care of. */
  answered: boolean;
  /** Whether an operation's cost has been charged to it. */
  charged: boolean;
}

/**
 * Apollo runs each operation on a copy of the context, so what was counted rides along
 * in it, under a key of its own.
 */
const COUNTED = Symbol('rate limits counted');
type CountedContext = GatewayContext & { [COUNTED]?: Counted };

/** A refusal as Apollo answers it: HTTP 429 with the RateLimit headers and Retry-After. */
const refusal = (error: RateLimitedError): GraphQLError =>
  asRequestError(error, new HeaderMap(rateLimitHeaders([], error.quota)));

const isUnauthenticated = (error: unknown) =>
  error instanceof GraphQLError && error.extensions.code === ErrorCode.UNAUTHENTICATED;

/**
 * Rate limits at the gateway's edge, for every transport: HTTP and SSE requests and
 * graphql-ws operations all make their context through the wrapped factory, and their
 * operations pass through Apollo, where the plugin charges the cost. Contexts the
 * gateway makes for its own work have no request and are not counted.
 */
export function createRateLimiting(options: RateLimitingOptions): RateLimiting {
  const limits = createRateLimits(options.limits, options.logger);

  return {
    limits,
    wrap: (createContext) => async (headers, request) => {
      if (!request) return createContext(headers);
      const address = options.clientAddress(request);
      try {
        const states = await limits.admitAddress(address);
        const context = await createContext(headers, request).catch(async (error: unknown) => {
          if (isUnauthenticated(error)) await limits.recordAuthFailure(address);
          throw error;
        });
        if (context.identity) states.push(...(await limits.admitIdentity(context.identity)));
        const counted: CountedContext = context;
        counted[COUNTED] = {
          requestId: context.requestId,
          address,
          states,
          answered: false,
          charged: false,
        };
        return counted;
      } catch (error) {
        throw error instanceof RateLimitedError ? refusal(error) : error;
      }
    },
    async charge(context, checked) {
      // A request's context serves its one operation. The gateway's own operations in a
      // subscription's context (each event's payload) have request ids of their own and go
      // uncharged: an event must not be lost to its subscriber's quota.
      const counted = (context as CountedContext)[COUNTED];
      if (!counted || counted.charged || context.requestId !== counted.requestId) return;
      counted.charged = true;
      try {
        const cost = checked.analysis.cost;
        counted.states.push(...(await limits.chargeCost(counted.address, context.identity, cost)));
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        counted.refused = error.quota;
        throw refusal(error);
      }
    },
    plugin: {
      async requestDidStart({ contextValue }) {
        const counted = (contextValue as CountedContext)[COUNTED];
        if (!counted || counted.answered || contextValue.requestId !== counted.requestId) return;
        counted.answered = true;
        return {
          async willSendResponse({ response }) {
            for (const [name, value] of rateLimitHeaders(counted.states, counted.refused)) {
              response.http.headers.set(name, value);
            }
          },
        };
      },
    },
    start: () => limits.start(),
    close: () => limits.close(),
  };
}
