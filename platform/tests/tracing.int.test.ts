import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { type EventEnvelope, OutboxEntry } from '../../messaging';
import { startTracing, type Tracing } from '../../runtime';
import { audit } from '../../subgraphs/audit/src';
import { employees } from '../../subgraphs/employees/src';
import { contractOperation } from '../../test-support/contractOperation';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';
import { personInput } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const modules = [employees, audit];

// One trace from the client's request to the audit entry its event causes:
// gateway span -> employees span -> event on NATS -> audit consumer span.
describe('a trace crosses the gateway, a subgraph and NATS', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let tp: TestPlatform;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'hr-platform-test', exporter });
    tp = await createTestPlatform({ only: modules });
  });
  afterAll(async () => {
    await tp.stop();
    await tracing.shutdown();
  });

  const spans = (kind: SpanKind, attribute: string, value: string): ReadableSpan[] =>
    exporter
      .getFinishedSpans()
      .filter((span) => span.kind === kind && span.attributes[attribute] === value);

  async function createdEvent(id: string): Promise<EventEnvelope> {
    const rows = await tp.platform.runtimes.employees.orm.em
      .fork()
      .find(OutboxEntry, { type: 'employees.employee.created' });
    const events = rows.map((row) => JSON.parse(row.payload) as EventEnvelope);
    const event = events.find((e) => JSON.stringify(e.data).includes(id));
    if (!event) throw new Error(`no employees.employee.created event for ${id}`);
    return event;
  }

  it.each([
    ['continues the client trace', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['starts a trace for a client that sends none', undefined],
  ])('%s', async (_, traceparent) => {
    exporter.reset();
    const created = await tp.graphql(
      contractOperation('CreateEmployee'),
      { input: personInput('Tess', 'Trace') },
      { role: 'HR', sub: 'service:hr' },
      traceparent ? { traceparent } : {},
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createEmployee.id as string;
    const event = await createdEvent(id);

    // Audit takes the event alone, or in a batch with others (its own events, say).
    const consumed = await waitFor(async () => {
      const alone = spans(SpanKind.CONSUMER, 'messaging.consumer.group.name', 'audit_audit_log');
      return alone.find(
        (span) =>
          span.attributes['messaging.message.id'] === event.id ||
          span.links.some((link) => event.traceparent?.includes(link.context.spanId)),
      );
    });
    const [gateway] = spans(SpanKind.SERVER, 'hr.component', 'gateway');
    const traceId = gateway.spanContext().traceId;
    if (traceparent) expect(traceparent).toContain(traceId);
    expect(gateway.name).toBe('graphql CreateEmployee');

    // Every call of the gateway to employees continues the gateway's span ...
    const calls = spans(SpanKind.SERVER, 'hr.subgraph', 'employees');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.spanContext().traceId).toBe(traceId);
      expect(call.parentSpanContext?.spanId).toBe(gateway.spanContext().spanId);
    }
    // ... the event names the span of the call that recorded it ...
    const subgraph = calls.find(
      (call) => event.traceparent === `00-${traceId}-${call.spanContext().spanId}-01`,
    );
    expect(subgraph).toBeDefined();
    // ... and the audit consumer continues it: as its parent when the event came alone, as
    // a link when it came in a batch (a span has one parent; a batch's events many traces).
    const recorder = subgraph!.spanContext();
    if (consumed.name === 'process batch') {
      const link = consumed.links.find((l) => l.context.spanId === recorder.spanId);
      expect(link?.context.traceId).toBe(traceId);
    } else {
      expect(consumed.spanContext().traceId).toBe(traceId);
      expect(consumed.parentSpanContext?.spanId).toBe(recorder.spanId);
      expect(consumed.name).toBe('process employees.employee.created');
    }
  });
});
