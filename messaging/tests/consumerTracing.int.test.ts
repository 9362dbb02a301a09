import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '../../runtime';
import {
  OutboxEntry,
  createEvent,
  eventsStream,
  recordEvent,
  type EventCatalogue,
  type EventConsumer,
  type EventEnvelope,
} from '..';
import { openTestDb, type TestDb } from './support/database';
import { openTestNats, type TestNats } from './support/nats';
import { testCatalogue } from './support/things';
import { testConsumer, testRelay } from './support/workers';
import { waitFor } from '../../test-support/waitFor';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN = '00f067aa0ba902b7';

describe('consumer spans', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let nats: TestNats;
  let database: TestDb;
  let catalogue: EventCatalogue;
  let consumer: EventConsumer;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'consumer-tracing-test', exporter });
    nats = await openTestNats('consumer-tracing-test');
    database = await openTestDb('consumer_tracing');
    catalogue = testCatalogue();
  });
  afterAll(async () => {
    await consumer?.stop();
    await database?.close();
    await nats?.close();
    await tracing.shutdown();
  });

  const thing = (n: number, traceparent?: string) =>
    createEvent(
      { type: 'test.thing.created', subject: `thing-${n}`, data: { n, version: 1 } },
      { source: '/subgraphs/test', correlationId: `corr-${n}`, traceparent },
    );

  it('continues the trace of each event and hands it on to the follow-up events', async () => {
    const traced = thing(1, `00-${TRACE}-${PRODUCER_SPAN}-01`);
    const untraced = thing(2);
    const em = database.orm.em.fork();
    for (const event of [traced, untraced]) recordEvent(em, event, nats.ns, catalogue);
    await em.flush();
    expect(await testRelay(database, nats).drain()).toBe(2);

    consumer = testConsumer(database, nats, {
      catalogue,
      handler: {
        name: 'noter',
        types: ['test.thing.created'],
        async handle(event, { emit }) {
          emit({ type: 'test.thing.noted', subject: event.subject, data: event.data });
        },
      },
    });
    await consumer.start();

    const followUps = await waitFor(async () => {
      const rows = await database.orm.em.fork().find(OutboxEntry, { type: 'test.thing.noted' });
      return rows.length === 2
        ? rows.map((row) => JSON.parse(row.payload) as EventEnvelope)
        : undefined;
    });
    const spanOf = (event: EventEnvelope): ReadableSpan => {
      const spans = exporter
        .getFinishedSpans()
        .filter(
          (s) => s.kind === SpanKind.CONSUMER && s.attributes['messaging.message.id'] === event.id,
        );
      expect(spans).toHaveLength(1);
      return spans[0]!;
    };
    const followUpOf = (event: EventEnvelope) =>
      followUps.find((followUp) => followUp.causationid === event.id)!;

    const tracedSpan = spanOf(traced);
    expect(tracedSpan.name).toBe('process test.thing.created');
    expect(tracedSpan.attributes['messaging.consumer.group.name']).toBe('test_noter');
    expect(tracedSpan.spanContext().traceId).toBe(TRACE);
    expect(tracedSpan.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
    expect(followUpOf(traced).traceparent).toBe(
      `00-${TRACE}-${tracedSpan.spanContext().spanId}-01`,
    );

    // An event without trace context starts a trace of its own.
    const untracedSpan = spanOf(untraced);
    expect(untracedSpan.parentSpanContext).toBeUndefined();
    const { traceId, spanId } = untracedSpan.spanContext();
    expect(traceId).not.toBe(TRACE);
    expect(followUpOf(untraced).traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it("links a batch's span to the trace of each of its events", async () => {
    await consumer.stop();
    // Only this case's events: none of the first case's, nor its follow-ups.
    await database.orm.em.fork().nativeDelete(OutboxEntry, {});
    await nats.jsm.streams.purge(eventsStream(nats.ns));
    const other = '0af7651916cd43dd8448eb211c80319c';
    const events = [
      thing(11, `00-${TRACE}-${PRODUCER_SPAN}-01`),
      thing(12, `00-${other}-b7ad6b7169203331-01`),
      thing(13),
    ];
    const em = database.orm.em.fork();
    for (const event of events) recordEvent(em, event, nats.ns, catalogue);
    await em.flush();
    expect(await testRelay(database, nats).drain()).toBe(3);
    exporter.reset();

    const batches: number[] = [];
    consumer = testConsumer(database, nats, {
      catalogue,
      handler: {
        name: 'batcher',
        types: ['test.thing.created'],
        async handle() {},
        async handleBatch(batch) {
          batches.push(batch.length);
        },
      },
    });
    await consumer.start();
    // The three wait in the stream before the consumer starts, so one pull takes them all.
    const span = await waitFor(async () =>
      exporter.getFinishedSpans().find((s) => s.name === 'process batch'),
    );
    expect(batches).toEqual([3]);
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.links.map((link) => link.context.traceId).sort()).toEqual([other, TRACE].sort());
    expect(span.links.find((link) => link.context.traceId === TRACE)!.context.spanId).toBe(
      PRODUCER_SPAN,
    );
  });
});
