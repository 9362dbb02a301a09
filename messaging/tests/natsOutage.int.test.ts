import {
  OutboxEntry,
  connectNats,
  createEventConsumer,
  createOutboxRelay,
  ensureStreams,
  eventsStream,
  onReconnect,
  recordEvent,
  type EventCatalogue,
  type EventConsumer,
  type EventEnvelope,
  type NatsClients,
  type OutboxRelay,
} from '..';
import { createTestNamespace } from '../testing';
import { Effect, openTestDb, type TestDb } from './support/database';
import { messageCount, quietLogger, readStream } from './support/nats';
import { startNatsServer, type NatsServerProcess } from './support/natsServer';
import { testCatalogue, thingEvent } from './support/things';
import { waitFor } from './support/waitFor';

describe('outbox relay and consumer while NATS is down', () => {
  const ns = createTestNamespace();
  let server: NatsServerProcess;
  let nats: NatsClients;
  let database: TestDb;
  let catalogue: EventCatalogue;
  let relay: OutboxRelay;
  let consumer: EventConsumer;

  beforeAll(async () => {
    server = await startNatsServer();
    nats = await connectNats({
      servers: server.url,
      name: 'outage-test',
      reconnectTimeWaitMs: 100,
      timeoutMs: 1000,
    });
    await ensureStreams(nats.jsm, ns);
    database = await openTestDb('outage');
    catalogue = testCatalogue();
    relay = createOutboxRelay({
      orm: database.orm,
      js: nats.js,
      namespace: ns,
      pollIntervalMs: 100,
      maxBackoffMs: 400,
      publishTimeoutMs: 500,
      logger: quietLogger,
    });
    consumer = createEventConsumer({
      orm: database.orm,
      js: nats.js,
      jsm: nats.jsm,
      namespace: ns,
      subgraph: 'test',
      catalogue,
      logger: quietLogger,
      ackWaitMs: 2000,
      handler: {
        name: 'effects',
        types: ['test.thing.created'],
        async handle(event, { em }) {
          em.persist(em.create(Effect, { eventId: event.id, n: event.data.n as number }));
        },
      },
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await nats?.nc.close();
    await server?.destroy();
    await database?.close();
  });

  const recorded: EventEnvelope[] = [];
  async function record(from: number, count: number) {
    for (let start = from; start < from + count; start += 50) {
      await database.orm.em.fork().transactional(async (em) => {
        for (let n = start; n < start + 50; n++) {
          const event = thingEvent('created', n);
          recordEvent(em, event, ns, catalogue);
          recorded.push(event);
        }
      });
      relay.notify();
    }
  }
  const unsent = () => database.orm.em.fork().count(OutboxEntry, { sentAt: null });
  const effects = () => database.orm.em.fork().count(Effect, {});

  it('keeps the events recorded during the outage; after it they are published and applied once', async () => {
    relay.start();
    await consumer.start();
    await record(0, 200);
    await waitFor('the first 200 events', async () => (await unsent()) === 0);
    expect(await messageCount(nats.jsm, eventsStream(ns))).toBe(200);
    await waitFor('the consumer to apply them', async () => (await effects()) === 200);

    await server.stop();
    await record(200, 100);
    // The relay keeps trying without losing or giving up on anything.
    await waitFor('a failed publish attempt', async () => {
      const failed = await database.orm.em.fork().count(OutboxEntry, { attempts: { $gt: 0 } });
      return failed > 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await unsent()).toBe(100);

    await server.start();
    await waitFor('the events of the outage', async () => (await unsent()) === 0, 30_000);

    const messages = await readStream(nats.jsm, eventsStream(ns));
    const ids = messages.map((message) => message.json<EventEnvelope>().id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids)).toEqual(new Set(recorded.map((event) => event.id)));

    // The consumer came back with the server and applied the rest, each once.
    await waitFor('the consumer to apply the rest', async () => (await effects()) === 300, 30_000);
    const rows = await database.orm.em.fork().find(Effect, {});
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(300);
  }, 90_000);
});

describe('outbox relay when NATS comes back', () => {
  const ns = createTestNamespace();
  let server: NatsServerProcess;
  let nats: NatsClients;
  let database: TestDb;
  let relay: OutboxRelay;
  let unwatch: () => void;

  beforeAll(async () => {
    server = await startNatsServer();
    nats = await connectNats({
      servers: server.url,
      name: 'resume-test',
      reconnectTimeWaitMs: 100,
    });
    await ensureStreams(nats.jsm, ns);
    database = await openTestDb('resume');
    // Long pauses between failed rounds: without resume() the relay would sleep through
    // NATS's return.
    relay = createOutboxRelay({
      orm: database.orm,
      js: nats.js,
      namespace: ns,
      pollIntervalMs: 5000,
      maxBackoffMs: 60_000,
      publishTimeoutMs: 500,
      logger: quietLogger,
    });
    unwatch = onReconnect(nats.nc, () => relay.resume());
  });
  afterAll(async () => {
    unwatch?.();
    await relay?.stop();
    await nats?.nc.close();
    await server?.destroy();
    await database?.close();
  });

  const unsent = () => database.orm.em.fork().count(OutboxEntry, { sentAt: null });

  it('publishes as soon as the connection is back instead of waiting out its backoff', async () => {
    relay.start();
    await server.stop();
    await database.orm.em.fork().transactional(async (em) => {
      for (let n = 0; n < 10; n++) recordEvent(em, thingEvent('created', n), ns, testCatalogue());
    });
    relay.notify();
    // After the second failure the relay pauses for 10 s.
    await waitFor('two failed rounds', async () => {
      const failed = await database.orm.em.fork().count(OutboxEntry, { attempts: { $gte: 2 } });
      return failed > 0;
    });

    const restarted = Date.now();
    await server.start();
    await waitFor('the events to be published', async () => (await unsent()) === 0, 30_000);
    expect(Date.now() - restarted).toBeLessThan(6000);
    expect(await messageCount(nats.jsm, eventsStream(ns))).toBe(10);
  }, 60_000);
});
