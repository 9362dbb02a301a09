/**
 * The public surface of messaging/: events, their catalogue and envelopes, the outbox and
 * its relay, consumers, the scheduler, dead letters and NATS connections. Other folders import
 * only from here (test helpers from ./testing).
 */
export type {
  BatchHandlerContext,
  EventDraft,
  EventEnvelope,
  EventHandlerDefinition,
  EventMeta,
  HandlerContext,
  JobContext,
  JobDefinition,
  JobDraft,
  Namespace,
} from './src/types';
export {
  DEFAULT_NAMESPACE,
  allDeadLettersSubject,
  allEventsSubject,
  createEvent,
  createNamespace,
  dataschemaFor,
  deadLetterStream,
  deadLetterSubject,
  eventsStream,
  replaySubject,
  sourceFor,
  subjectFor,
  typeFromSubject,
} from './src/envelope';
export { CATALOGUE_DIR, EventCatalogue, loadCatalogue, type EventContract } from './src/catalogue';
export { renderCatalogueDocs } from './src/catalogueDocs';
export {
  CatalogueError,
  EventValidationError,
  JobLeaseLostError,
  MessagingConfigError,
  MessagingError,
  OutboxPublishError,
  type MessagingErrorCode,
} from './src/errors';
export { insertNewRows, insertRows, queryBound, quotedTable, upsertRows } from './src/insertRows';
export { insertedOutboxRows, OutboxEntry, recordEvent, withEventBatch } from './src/outbox';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './src/outboxRelay';
export {
  republishOutbox,
  type RepublishOptions,
  type RepublishResult,
} from './src/republishOutbox';
export { deleteStreams, ensureStreams, type StreamOptions } from './src/streams';
export {
  isClusterForming,
  whileClusterForms,
  type ClusterFormingOptions,
} from './src/whileClusterForms';
export { InboxEntry } from './src/inbox';
export { firstEventIdAt, pruneInbox } from './src/pruneInbox';
export {
  createEventConsumer,
  type EventConsumer,
  type EventConsumerOptions,
} from './src/eventConsumer';
export { handleEachInBatch, type HandleOne } from './src/consumer/handleEachInBatch';
export {
  ScheduledJob,
  createScheduler,
  scheduleJob,
  type Scheduler,
  type SchedulerOptions,
  type ScheduledJobStatus,
} from './src/scheduler';
export { DeadLetterHeader, type DeadLetterReason } from './src/deadLetter';
export {
  countDeadLetters,
  createDeadLetterWatcher,
  DeadLetterError,
  discardDeadLetter,
  getDeadLetter,
  listDeadLetters,
  replayDeadLetter,
  type DeadLetter,
  type DeadLetterHandlerDefinition,
  type DeadLetterPage,
  type DeadLetterProblem,
  type DeadLetterQuery,
  type DeadLetterWatcher,
  type ReplayResult,
} from './src/deadLetters';
export { filterSubjectFor, subjectMatches } from './src/subjectFilter';
export {
  closeNats,
  connectNats,
  NatsAuthError,
  onReconnect,
  type NatsAuth,
  type NatsClients,
  type NatsOptions,
  type NatsTls,
} from './src/connection';
export type { Logger } from './src/logger';
export {
  NatsServerError,
  findOnPath,
  startNatsServer,
  type NatsServerOptions,
  type RunningNatsServer,
} from './src/startNatsServer';
export {
  draftOf,
  isEventOf,
  untypedDraft,
  untypedHandler,
  untypedJob,
  type CataloguedBatchContext,
  type CataloguedHandler,
  type CataloguedHandlerContext,
  type CataloguedJob,
  type CataloguedJobContext,
  type CataloguedDraft,
  type CataloguedEvent,
  type EventData,
  type EventDataMap,
  type EventType,
  type AttendanceRules,
  type LeaveRules,
  type RetentionRules,
  type WorkingTimeRules,
} from './src/eventTypes';
export { currentTraceparent, inActiveSpan, inConsumerSpan, traceparentOf } from './src/traceSpans';
export { isPostgres } from './src/dialect';
export { markdownTable } from './src/markdownTable';
