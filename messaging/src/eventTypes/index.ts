import type {
  BatchHandlerContext,
  EventDraft,
  EventEnvelope,
  EventHandlerDefinition,
  HandlerContext,
  JobContext,
  JobDefinition,
} from '../types';
import type { EventDataMap } from './eventData.generated';

export type { EventDataMap };
export * from './eventData.generated';

/** A catalogued event type (its current name). */
export type EventType = keyof EventDataMap;

/** The data of `T` at its current version. */
export type EventData<T extends EventType> = EventDataMap[T];

/** A draft of a catalogued event: the compiler holds its data to the type's JSON Schema. */
export type CataloguedDraft<T extends EventType = EventType> = {
  [K in T]: { type: K; subject: string; data: EventData<K>; dataversion?: number };
}[T];

/** A draft of `type` about `subject`: the compiler holds `data` to the type's schema. */
export const draftOf = <T extends EventType>(
  type: T,
  subject: string,
  data: EventData<T>,
): CataloguedDraft<T> => ({ type, subject, data });

/**
 * An event of one of the types `T`, as a handler receives it: checked against the
 * catalogue before it reaches the handler, so its data is the type's. `switch (event.type)`
 * narrows the data.
 */
export type CataloguedEvent<T extends EventType = EventType> = {
  // The index signature keeps it an EventEnvelope, for code that reads any event.
  [K in T]: EventEnvelope & { type: K; data: EventData<K> & Record<string, unknown> };
}[T];

/** Whether `event` is of one of `types`; narrows its data to theirs. */
export const isEventOf = <T extends EventType>(
  types: readonly T[],
  event: { type: string },
): event is CataloguedEvent<T> => (types as readonly string[]).includes(event.type);

/** The same draft, as the untyped layers below (envelope, outbox) take it. */
export const untypedDraft = (draft: CataloguedDraft): EventDraft => draft as unknown as EventDraft;

/**
 * A handler of the catalogued types `T`: the compiler holds both the data it reads and the
 * follow-up events it emits to the catalogue, so a schema change that breaks it fails to
 * compile. `['>']` takes every event (its data is then any catalogued type's).
 */
export interface CataloguedHandler<T extends EventType = EventType> extends Omit<
  EventHandlerDefinition<CataloguedDraft>,
  'types' | 'handle' | 'handleBatch'
> {
  types: readonly T[] | readonly ['>'];
  handle(event: CataloguedEvent<T>, ctx: CataloguedHandlerContext): Promise<void>;
  handleBatch?(events: CataloguedEvent<T>[], ctx: CataloguedBatchContext): Promise<void>;
}
export type CataloguedHandlerContext = HandlerContext<CataloguedDraft>;
export type CataloguedBatchContext = BatchHandlerContext<CataloguedDraft>;

/** A job whose events the compiler holds to the catalogue. */
export type CataloguedJob = JobDefinition<CataloguedDraft>;
export type CataloguedJobContext = JobContext<CataloguedDraft>;

/**
 * The same handler or job as the layers below take it: they pass drafts on untouched, so
 * only the compiler's view changes.
 */
export const untypedHandler = (handler: CataloguedHandler): EventHandlerDefinition =>
  handler as unknown as EventHandlerDefinition;
export const untypedJob = (job: CataloguedJob): JobDefinition => job as unknown as JobDefinition;
