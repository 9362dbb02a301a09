import type { EntityManager } from '@mikro-orm/core';

/** A CloudEvents 1.0 envelope (docs/architecture.md#events). */
export interface EventEnvelope<D extends Record<string, unknown> = Record<string, unknown>> {
  specversion: '1.0';
  /** UUIDv7; also the JetStream msgID, so a republish is deduplicated. */
  id: string;
  /** `/subgraphs/<name>` */
  source: string;
  /** `<domain>.<entity>.<past-tense verb>`, e.g. `employees.employee.created` */
  type: string;
  /** The entity id. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  /** Contract version of `data`, from 1. */
  dataversion: number;
  correlationid: string;
  causationid?: string;
  actor?: string;
  requestid?: string;
  traceparent?: string;
  data: D;
}

/** What a producer says; the envelope's other attributes come from {@link EventMeta}. */
export interface EventDraft<D extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  subject: string;
  data: D;
  /** Defaults to 1. */
  dataversion?: number;
}

/** Where an event comes from and which chain it belongs to. */
export interface EventMeta {
  source: string;
  correlationId: string;
  causationId?: string;
  actor?: string;
  requestId?: string;
  traceparent?: string;
}

/**
 * Names of streams and subjects. Production uses the empty prefix (`HR_EVENTS`
 * over `hr.>`); tests use their own prefix so they never share a stream.
 */
export interface Namespace {
  /** Prepended to stream names, e.g. `T1A2B_` -> `T1A2B_HR_EVENTS`. */
  streamPrefix: string;
  /** Prepended to subjects as a token, e.g. `t1a2b.` -> `t1a2b.hr.>`. */
  subjectPrefix: string;
}

/** Passed to an event handler: a transactional entity manager and a way to emit follow-up events. */
export interface HandlerContext<Draft = EventDraft> {
  /** Inside the transaction that also records the inbox entry. */
  em: EntityManager;
  /** Records a follow-up event in the same transaction (causation = the handled event). */
  emit(draft: Draft): void;
}

/** Passed to a batch handler: the batch's transaction, and follow-ups caused by one of its events. */
export interface BatchHandlerContext<Draft = EventDraft> {
  /** Inside the transaction that also records the batch's inbox entries. */
  em: EntityManager;
  /** Records a follow-up event of `cause`, one of the batch's events, in the same transaction. */
  emit(cause: EventEnvelope, draft: Draft): void;
}

/** A subgraph's reaction to events; one durable consumer per handler. */
export interface EventHandlerDefinition<Draft = EventDraft> {
  /** Unique within the subgraph; the durable consumer is `<subgraph>_<name>`. */
  name: string;
  /** Event types (`employees.employee.created`) or patterns with NATS wildcards (`>` for all). */
  types: string[];
  handle(event: EventEnvelope, ctx: HandlerContext<Draft>): Promise<void>;
  /**
   * Optional fast path for events that arrived together: applies them in order in one go, with
   * exactly the effect of `handle` on each in turn. Only events new to the consumer reach it.
   * When it throws, the batch rolls back and its events go through `handle` one at a time,
   * so a failing event is retried and dead-lettered alone as ever.
   */
  handleBatch?(events: EventEnvelope[], ctx: BatchHandlerContext<Draft>): Promise<void>;
  /**
   * Messages pulled per request, so at most per batch (default 20, or 200 with `handleBatch`).
   * More suits a batch path whose cost is mostly per transaction, such as an append-only log.
   */
  batchSize?: number;
  /** Deliveries before the event goes to HR_DLQ (default 5). */
  maxDeliver?: number;
}

/** One occurrence of a job to run at a time; its id makes it unique for ever. */
export interface JobDraft {
  /** Stable and meaningful, e.g. `attendance.processDay:2026-11-21`; a second schedule of it is ignored. */
  id: string;
  /** The {@link JobDefinition} name that runs it. */
  job: string;
  /** When to run it; a time in the past runs at once. */
  runAt: Date;
  payload?: Record<string, unknown>;
}

/** Passed to a job: its occurrence and a transaction that also marks the occurrence done. */
export interface JobContext<Draft = EventDraft> {
  /** The occurrence's id. */
  jobId: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Inside the transaction that marks the occurrence done, so its effect happens once. */
  em: EntityManager;
  /** Records an event in the same transaction. */
  emit(draft: Draft): void;
  /** Schedules another occurrence (e.g. the next day's) in the same transaction. */
  schedule(draft: JobDraft): void;
  /** The chain this run starts: a fresh id per run, carried by every event it emits. */
  correlationId?: string;
  /** Which attempt this is, from 1 (a retry after a failure, or after a replica died, is 2, 3, ...). */
  attempt?: number;
}

/**
 * Work a subgraph runs at a time, by one replica only (the scheduler:
 * docs/architecture.md#two-ways-to-run).
 */
export interface JobDefinition<Draft = EventDraft> {
  /** Unique within the subgraph, e.g. `attendance.processDay`. */
  name: string;
  run(ctx: JobContext<Draft>): Promise<void>;
  /**
   * Occurrences that should exist from `now` on (typically the next one); called at start
   * and after each run. Already scheduled ids are ignored, so this may repeat itself.
   */
  plan?(now: Date): JobDraft[];
  /** Attempts before the occurrence is marked FAILED (default 5). */
  maxAttempts?: number;
}
