import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentTraceparent, inActiveSpan } from '../../messaging/edge';

/*
 * Spans of GraphQL requests, built on messaging's spans (which events carry). Only the
 * OpenTelemetry API is used here: without a registered provider (see ./tracing) no span is
 * recorded and the `traceparent` a caller sent is passed on unchanged.
 */

export { currentTraceparent };

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
