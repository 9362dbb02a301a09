export { attachSubscriptions, type AttachedSubscriptions } from './attachSubscriptions';
export { createSubscriptionEngine } from './engine/createSubscriptionEngine';
export type { SubscriptionEngine, SubscriptionRequest } from './engine/SubscriptionEngine';
export { createEventFeed } from './feed/createEventFeed';
export type { EventFeed, FeedClient } from './feed/EventFeed';
export { createDeliveryQueue, type DeliveryQueue } from './delivery/createDeliveryQueue';
export { createLookupDocument, type LookupDocument } from './engine/createLookupDocument';
export { RATE_LIMITED_CLOSE } from './ws/closeSocket';
export { createGraphQLWsServer, type GraphQLWsServer } from './ws/createGraphQLWsServer';
export type { SocketCaps } from './ws/createSocketGate';
export { createSseHandler, type SseHandler } from './sse/createSseHandler';
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
