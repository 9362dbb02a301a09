import type { ApolloServer } from '@apollo/server';
import type { DocumentNode, FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { Gauge } from 'prom-client';
import type { CostDirectives, Logger, OperationCheck } from '../../../../runtime/edge';
import type { GatewayContext } from '../../context/GatewayContext';
import type { Refusal } from '../subscriptionErrors';
import type { SubscriptionLimits, SubscriptionsOptions } from '../SubscriptionField';

export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /**
   * The stream sequence of the last event the client saw, as the client sent it (a string
   * of digits or a whole number; anything else is refused): resume after it.
   */
  cursor?: unknown;
  context: GatewayContext;
  /** Called when the client falls too far behind; the transport drops the connection. */
  onOverflow(): void;
}

export type SubscribeOutcome =
  Refusal | { document: DocumentNode; results: AsyncIterableIterator<FormattedExecutionResult> };

export interface SubscriptionEngineOptions extends SubscriptionsOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The operation check queries and mutations get too: limits and introspection. */
  check: OperationCheck;
  /** The `@cost` and `@listSize` of a schema. */
  costsOf?(schema: GraphQLSchema): CostDirectives | undefined;
  /** Strip "Did you mean" suggestions from validation errors (outside development). */
  hideSuggestions?: boolean;
  logger: Logger;
  /** Counts open subscriptions. */
  gauge?: Gauge;
}

export interface SubscriptionEngine {
  readonly limits: SubscriptionLimits;
  /** The API schema subscriptions are validated against (set when the supergraph loads). */
  setSchema(schema: GraphQLSchema): void;
  /** Validates, authorizes and starts one subscription. */
  subscribe(request: SubscriptionRequest): Promise<SubscribeOutcome>;
  /** Subjects with a live consumer now (tests). */
  liveSubjects(): string[];
  /** Subscriptions open now, once live (tests wait for it before publishing). */
  open(): number;
  stop(): Promise<void>;
}
