export type {
  EventDraft,
  EventEnvelope,
  EventHandlerDefinition,
  EventMeta,
  HandlerContext,
  JobContext,
  JobDefinition,
  JobDraft,
  Namespace,
} from './types';
export {
  DEFAULT_NAMESPACE,
  allDeadLettersSubject,
  allEventsSubject,
  createEvent,
  createNamespace,
  createTestNamespace,
  dataschemaFor,
  deadLetterStream,
  deadLetterSubject,
  eventsStream,
  replaySubject,
  subjectFor,
  typeFromSubject,
} from './envelope';
export { CATALOGUE_DIR, EventCatalogue, loadCatalogue, type EventContract } from './catalogue';
export { renderCatalogueDocs } from './catalogueDocs';
export {
  CatalogueError,
  EventValidationError,
  JobLeaseLostError,
  MessagingConfigError,
  MessagingError,
  OutboxPublishError,
  type MessagingErrorCode,
} from './errors';
export { OutboxEntry, recordEvent } from './outbox';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outboxRelay';
export { deleteStreams, ensureStreams, type StreamOptions } from './streams';
export { InboxEntry } from './inbox';
export {
  createEventConsumer,
  type EventConsumer,
  type EventConsumerOptions,
} from './eventConsumer';
export {
  ScheduledJob,
  createScheduler,
  scheduleJob,
  type Scheduler,
  type SchedulerOptions,
  type ScheduledJobStatus,
} from './scheduler';
export { DeadLetterHeader, type DeadLetterReason } from './deadLetter';
export * from './deadLetters';
export { filterSubjectFor, subjectMatches } from './subjectFilter';
export {
  closeNats,
  connectNats,
  onReconnect,
  type NatsClients,
  type NatsOptions,
} from './connection';
export type { Logger } from './logger';
export {
  NatsServerError,
  findOnPath,
  freePort,
  startNatsServer,
  type NatsServerOptions,
  type RunningNatsServer,
} from './startNatsServer';
export {
  untypedDraft,
  untypedHandler,
  untypedJob,
  type CataloguedHandler,
  type CataloguedHandlerContext,
  type CataloguedJob,
  type CataloguedJobContext,
  type CataloguedDraft,
  type CataloguedEvent,
  type EventData,
  type EventDataMap,
  type EventType,
} from './eventTypes';
export { currentTraceparent, inActiveSpan, inConsumerSpan, traceparentOf } from './traceSpans';
export { isPostgres } from './dialect';
