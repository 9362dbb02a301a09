import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  isSpanContextValid,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/*
 * Spans of the platform's own code. Only the OpenTelemetry API is used here: without
 * a registered provider (see ./tracing) no span is recorded and the `traceparent` a
 * caller sent is passed on unchanged.
 */

const tracer = () => trace.getTracer('hr-platform');

/** The context a W3C `traceparent` names; the root context when it is absent or invalid. */
function contextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** The `traceparent` naming `span`, for headers and events; undefined when tracing is off. */
function traceparentOf(span: Span): string | undefined {
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
function inActiveSpan<T>(
  name: string,
  kind: SpanKind,
  traceparent: string | undefined,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind, attributes },
    contextOf(traceparent),
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
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

/** Spans of GraphQL requests, which the plugin below names and marks. */
const requestSpans = new WeakSet<Span>();

/**
 * Runs one GraphQL request in a SERVER span continuing the caller's `traceparent`.
 * The span is active while the request runs, so its context (see
 * {@link currentTraceparent}), its subgraph calls, its events and Apollo's own spans
 * all belong to it.
 */
export function inRequestSpan<T>(
  traceparent: string | undefined,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  return inActiveSpan('graphql', SpanKind.SERVER, traceparent, attributes, (span) => {
    requestSpans.add(span);
    return work();
  });
}

/** Names the request's span `graphql <operation>` and marks it failed when the request has errors. */
export function createTracingPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span || !requestSpans.has(span)) return {};
      return {
        async didResolveOperation({ operationName, operation }) {
          if (operationName) {
            span.updateName(`graphql ${operationName}`);
            span.setAttribute('graphql.operation.name', operationName);
          }
          if (operation) span.setAttribute('graphql.operation.type', operation.operation);
        },
        async didEncounterErrors({ errors }) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message });
        },
      };
    },
  };
}
