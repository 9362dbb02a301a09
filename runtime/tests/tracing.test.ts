import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../src/tracing';

describe('startTracing', () => {
  it('registers one provider per process, until it is shut down', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing({ serviceName: 'hr-tracing-test', exporter });
    try {
      expect(startTracing({ serviceName: 'another' })).toBe(tracing);
      trace.getTracer('test').startSpan('recorded').end();
      const [span] = exporter.getFinishedSpans();
      expect(span.name).toBe('recorded');
      expect(span.resource.attributes['service.name']).toBe('hr-tracing-test');
    } finally {
      await tracing.shutdown();
    }
    // Unregistered: spans are no longer recorded, and tracing can start afresh.
    expect(trace.getTracer('test').startSpan('dropped').isRecording()).toBe(false);
    const again = startTracing({ serviceName: 'again', exporter });
    expect(again).not.toBe(tracing);
    await again.shutdown();
  });

  it('makes no spans when they would go nowhere', async () => {
    const tracing = startTracing({ serviceName: 'hr-untraced-test' });
    expect(tracing.provider).toBeUndefined();
    expect(trace.getTracer('test').startSpan('not made').isRecording()).toBe(false);
    await tracing.shutdown();
  });
});
