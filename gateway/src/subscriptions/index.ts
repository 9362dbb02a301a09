export { attachSubscriptions, type AttachedSubscriptions } from './attachSubscriptions';
export {
  createSubscriptionEngine,
  type SubscriptionEngine,
  type SubscriptionRequest,
} from './createSubscriptionEngine';
export { createEventFeed, type EventFeed } from './createEventFeed';
export { createDeliveryQueue, type DeliveryQueue } from './createDeliveryQueue';
export { createLookupDocument, type LookupDocument } from './createLookupDocument';
export {
  RATE_LIMITED_CLOSE,
  createGraphQLWsServer,
  type GraphQLWsServer,
} from './createGraphQLWsServer';
export type { SocketCaps } from './createSocketGate';
export { createSseHandler, type SseHandler } from './createSseHandler';
export {
  DEFAULT_SUBSCRIPTION_LIMITS,
  type EntityLookup,
  type FieldArguments,
  type Probe,
  type SubscriptionEvent,
  type SubscriptionField,
  type SubscriptionLimits,
  type SubscriptionsOptions,
} from './SubscriptionField';
