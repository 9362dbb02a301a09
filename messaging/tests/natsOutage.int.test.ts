import {
  OutboxEntry,
  connectNats,
  ensureStreams,
  eventsStream,
  onReconnect,
  recordEvent,
  type EventConsumer,
  type EventEnvelope,
  type NatsClients,
  type NatsOptions,
  type Namespace,
  type OutboxRelayOptions,
} from '..';
import { suiteHarness } from '../../test-support/suiteHarness';
import { createTestNamespace } from '../testing';
import { Effect, effectsHandler, openTestDb, type TestDb } from './support/database';
import { messageCount, readStream } from './support/nats';
import { testConsumer, testRelay } from './support/workers';
import { startNatsServer } from './support/natsServer';
import { testCatalogue, thingEvent } from './support/things';
import { waitFor, waitForAll } from './support/waitFor';

/**
 * A NATS server of the suite's own, so that a test can stop and start it, with the suite's
 * streams, a fresh database and a relay on them; `consumer` adds a consumer stopped first.
 */
function outageHarness<C extends EventConsumer | undefined = undefined>(
  ns: Namespace,
  name: string,
  relayOptions: Pick<OutboxRelayOptions, 'pollIntervalMs' | 'maxBackoffMs'>,
  connect: Pick<NatsOptions, 'timeoutMs'> = {},
  consumer?: (nats: NatsClients & { ns: Namespace }, database: TestDb) => C,
) {
  return suiteHarness(async () => {
    const server = await startNatsServer();
    const nats = await connectNats({
      servers: server.url,
      name: `${name}-test`,
      reconnectTimeWaitMs: 100,
      ...connect,
    });
    await ensureStreams(nats.jsm, ns);
    const database = await openTestDb(name);
    const workers = { ...nats, ns };
    const relay = testRelay(database, workers, { publishTimeoutMs: 500, ...relayOptions });
    const parts = { server, nats, database, relay, consumer: consumer?.(workers, database) as C };
    return {
      ...parts,
      async stop() {
        await parts.consumer?.stop();
        await relay.stop();
        await nats.nc.close();
        await server.destroy();
        await database.close();
      },
    };
  });
}

describe('outbox relay and consumer while NATS is down', () => {
  const ns = createTestNamespace();
  const catalogue = testCatalogue();
  const harness = outageHarness(
    ns,
    'outage',
    { pollIntervalMs: 100, maxBackoffMs: 400 },
    { timeoutMs: 1000 },
    (nats, database) =>
      testConsumer(database, nats, { catalogue, ackWaitMs: 2000, handler: effectsHandler() }),
  );

  const recorded: EventEnvelope[] = [];
  async function record(from: number, count: number) {
    for (let start = from; start < from + count; start += 50) {
      await harness.database.orm.em.fork().transactional(async (em) => {
        for (let n = start; n < start + 50; n++) {
          const event = thingEvent('created', n);
          recordEvent(em, event, ns, catalogue);
          recorded.push(event);
        }
      });
      harness.relay.notify();
    }
  }
  const unsent = () => harness.database.orm.em.fork().count(OutboxEntry, { sentAt: null });
  const effects = () => harness.database.orm.em.fork().count(Effect, {});

  it('keeps the events recorded during the outage; after it they are published and applied once', async () => {
    harness.relay.start();
    await harness.consumer.start();
    await record(0, 200);
    await waitForAll('the first 200 events', async () => 200 - (await unsent()), 200);
    expect(await messageCount(harness.nats.jsm, eventsStream(ns))).toBe(200);
    await waitForAll('the consumer to apply them', effects, 200);
    expect(await effects()).toBe(200);

    await harness.server.stop();
    await record(200, 100);
    // The relay keeps trying without losing or giving up on anything.
    await waitFor('a failed publish attempt', async () => {
      const failed = await harness.database.orm.em
        .fork()
        .count(OutboxEntry, { attempts: { $gt: 0 } });
      return failed > 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await unsent()).toBe(100);

    await harness.server.start();
    await waitForAll('the events of the outage', async () => 100 - (await unsent()), 100);

    const messages = await readStream(harness.nats.jsm, eventsStream(ns));
    const ids = messages.map((message) => message.json<EventEnvelope>().id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids)).toEqual(new Set(recorded.map((event) => event.id)));

    // The consumer came back with the server and applied the rest, each once.
    await waitForAll('the consumer to apply the rest', effects, 300);
    expect(await effects()).toBe(300);
    const rows = await harness.database.orm.em.fork().find(Effect, {});
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(300);
  }, 300_000);
});

/** The relay's pause after a failed round in the suite below. */
const PAUSE_MS = 600_000;

describe('outbox relay when NATS comes back', () => {
  const ns = createTestNamespace();
  // A failed round pauses the relay for ten minutes: without resume() it would sleep through
  // NATS's return and long past the wait below, whatever the machine's speed.
  const harness = outageHarness(ns, 'resume', { pollIntervalMs: PAUSE_MS, maxBackoffMs: PAUSE_MS });
  let unwatch: (() => void) | undefined;
  beforeAll(() => {
    unwatch = onReconnect(harness.nats.nc, () => harness.relay.resume());
  });
  afterAll(() => unwatch?.());

  const unsent = () => harness.database.orm.em.fork().count(OutboxEntry, { sentAt: null });

  it(
    'publishes as soon as the connection is back instead of waiting out its backoff',
    async () => {
      harness.relay.start();
      await harness.server.stop();
      await harness.database.orm.em.fork().transactional(async (em) => {
        for (let n = 0; n < 10; n++) recordEvent(em, thingEvent('created', n), ns, testCatalogue());
      });
      harness.relay.notify();
      await waitFor('a failed round, and the pause after it', async () => {
        const failed = await harness.database.orm.em
          .fork()
          .count(OutboxEntry, { attempts: { $gte: 1 } });
        return failed > 0;
      });

      await harness.server.start();
      // A fifth of the pause: only an ended pause publishes within it.
      await waitFor('the events to be published', async () => (await unsent()) === 0, PAUSE_MS / 5);
      expect(await messageCount(harness.nats.jsm, eventsStream(ns))).toBe(10);
    },
    PAUSE_MS / 2,
  );
});
