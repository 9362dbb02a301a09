import { context, propagation, trace } from '@opentelemetry/api';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as TraceBase from '@opentelemetry/sdk-trace-base';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type * as TraceNode from '@opentelemetry/sdk-trace-node';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  /** `service.name` of every span this process makes. */
  serviceName: string;
  /** OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); spans go to `<url>/v1/traces`. */
  otlpEndpoint?: string;
  /** An exporter to use instead, e.g. an `InMemorySpanExporter` in tests; spans are exported as they end. */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Undefined when spans go nowhere, and so are not made. */
  readonly provider?: NodeTracerProvider;
  /** Exports the spans that have ended but are still buffered. */
  flush(): Promise<void>;
  /** Flushes, then unregisters the provider so a later startTracing starts afresh. */
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;

/** Spans that would go nowhere are not made: recording them costs CPU on every request and event. */
const untraced: Tracing = { flush: async () => undefined, shutdown: async () => undefined };

/**
 * The SDK and its exporter, loaded only when spans go somewhere: a process that traces
 * nothing (the default) does not carry their code.
 */
function loadSdk() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp),
    ...(require('@opentelemetry/resources') as typeof Resources),
    ...(require('@opentelemetry/sdk-trace-base') as typeof TraceBase),
    ...(require('@opentelemetry/sdk-trace-node') as typeof TraceNode),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Registers the process-wide tracer provider, once: later calls return the
 * first one. Propagation is W3C trace context (the SDK's default). Without an
 * endpoint or exporter nothing is registered, and a caller's `traceparent` is
 * passed along unchanged to subgraphs and events.
 */
export function startTracing(options: TracingOptions): Tracing {
  if (current) return current;
  if (!options.exporter && !options.otlpEndpoint) return untraced;
  const {
    BatchSpanProcessor,
    NodeTracerProvider,
    OTLPTraceExporter,
    resourceFromAttributes,
    SimpleSpanProcessor,
  } = loadSdk();
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) {
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: processors,
  });
  provider.register();
  const tracing: Tracing = {
    provider,
    flush: () => provider.forceFlush(),
    async shutdown() {
      if (current === tracing) current = undefined;
      try {
        await provider.shutdown();
      } finally {
        trace.disable();
        propagation.disable();
        context.disable();
      }
    },
  };
  current = tracing;
  return tracing;
}
