import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  isSpanContextValid,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanOptions,
} from '@opentelemetry/api';

/*
 * Spans of the platform's own code, carried from producer to consumer by each event's
 * `traceparent`. Only the OpenTelemetry API is used here: without a registered provider no
 * span is recorded and the `traceparent` a caller sent is passed on unchanged.
 */

const tracer = () => trace.getTracer('hr-platform');

/** The context a W3C `traceparent` names; the root context when it is absent or invalid. */
function contextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** The `traceparent` naming `span`, for headers and events; undefined when tracing is off. */
export function traceparentOf(span: Span): string | undefined {
  if (!isSpanContextValid(span.spanContext())) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier.traceparent;
}

/** The `traceparent` of the active span: what a request's subgraph calls and events carry. */
export function currentTraceparent(): string | undefined {
  const span = trace.getActiveSpan();
  return span && traceparentOf(span);
}

/**
 * Runs `work` in an active span whose parent is the one `traceparent` names (a new
 * trace when there is none), ending it when `work` settles.
 */
export function inActiveSpan<T>(
  name: string,
  kind: SpanKind,
  traceparent: string | undefined,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return inSpan(name, { kind, attributes }, contextOf(traceparent), work);
}

/** Runs `work` in an active span started in `parent`, recording its failure, ending it after. */
function inSpan<T>(
  name: string,
  options: SpanOptions,
  parent: Context,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, options, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Most links a batch's span carries: a batch is at most one pull. */
const MAX_BATCH_LINKS = 200;

/** A link to the span each valid `traceparent` names, each once. */
function linksTo(traceparents: (string | undefined)[]): Link[] {
  const links: Link[] = [];
  for (const traceparent of new Set(traceparents)) {
    const context = traceparent && trace.getSpanContext(contextOf(traceparent));
    if (context && isSpanContextValid(context)) links.push({ context });
    if (links.length === MAX_BATCH_LINKS) break;
  }
  return links;
}

/**
 * Runs the handling of a batch of messages in one CONSUMER span, linked to the span each
 * event's `traceparent` names: a span has a single parent, and a batch's events come from
 * many traces. The span starts a trace of its own; each producer's trace reaches it
 * through its link.
 */
export function inBatchSpan<T>(
  name: string,
  traceparents: (string | undefined)[],
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const options = { kind: SpanKind.CONSUMER, attributes, links: linksTo(traceparents) };
  return inSpan(name, options, ROOT_CONTEXT, work);
}

/**
 * Runs the handling of one message in a CONSUMER span continuing the producer's
 * `traceparent`; `work` gets the `traceparent` that what it emits should carry.
 */
export function inConsumerSpan<T>(
  name: string,
  traceparent: string | undefined,
  attributes: Attributes,
  work: (traceparent: string | undefined) => Promise<T>,
): Promise<T> {
  return inActiveSpan(name, SpanKind.CONSUMER, traceparent, attributes, (span) =>
    work(traceparentOf(span) ?? traceparent),
  );
}
