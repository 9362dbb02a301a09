import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '../../runtime';
import { startFixture, type Fixture, type Mode } from './support/twoSubgraphs';

const CROSSING = '{ users { id name reviews { body author { name } } } }';
const CLIENT_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN = 'b7ad6b7169203331';

describe.each<Mode>(['in-process', 'http'])('gateway tracing with %s subgraphs', (mode) => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let fx: Fixture;
  let token: string;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'hr-gateway-test', exporter });
    fx = await startFixture(mode);
    token = await fx.token('EMPLOYEE', 'u1');
  });
  afterAll(async () => {
    await fx.stop();
    await tracing.shutdown();
  });
  beforeEach(() => {
    exporter.reset();
    fx.calls.length = 0;
  });

  // In http mode the test subgraphs, served like the gateway, make request spans too.
  const requestSpans = (): ReadableSpan[] =>
    exporter
      .getFinishedSpans()
      .filter(
        (span) => span.kind === SpanKind.SERVER && span.attributes['hr.component'] === 'gateway',
      );

  const post = (query: string, headers: Record<string, string> = {}) =>
    fx.post({ query, operationName: 'Crossing' }, { authorization: `Bearer ${token}`, ...headers });

  it("continues the client's traceparent and forwards its own span to every subgraph", async () => {
    const response = await post(`query Crossing ${CROSSING}`, {
      traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`,
    });
    expect(response.status).toBe(200);

    const spans = requestSpans();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span.name).toBe('graphql Crossing');
    expect(span.spanContext().traceId).toBe(CLIENT_TRACE);
    expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN);

    expect(fx.calls.length).toBeGreaterThanOrEqual(2);
    const own = `00-${CLIENT_TRACE}-${span.spanContext().spanId}-01`;
    for (const call of fx.calls) expect(call.headers.traceparent).toBe(own);
  });

  it('starts a trace for a request without traceparent', async () => {
    await post(`query Crossing ${CROSSING}`);
    const [span] = requestSpans();
    expect(span.spanContext().traceId).not.toBe(CLIENT_TRACE);
    expect(span.parentSpanContext).toBeUndefined();
    const { traceId, spanId } = span.spanContext();
    for (const call of fx.calls)
      expect(call.headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('ignores a malformed traceparent', async () => {
    await post(`query Crossing ${CROSSING}`, { traceparent: `00-${CLIENT_TRACE}-nothex-01` });
    const [span] = requestSpans();
    expect(span.spanContext().traceId).not.toBe(CLIENT_TRACE);
  });
});
