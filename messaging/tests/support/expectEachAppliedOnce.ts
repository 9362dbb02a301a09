import {
  InboxEntry,
  connectNats,
  eventsStream,
  subjectFor,
  type EventCatalogue,
  type EventConsumer,
  type EventEnvelope,
  type EventHandlerDefinition,
  type NatsClients,
} from '../..';
import { Effect, type TestDb } from './database';
import { NATS_URL, messageCount, type TestNats } from './nats';
import { recordingLogger } from './recordingLogger';
import { waitFor } from './waitFor';
import { testConsumer } from './workers';

export interface EachAppliedOnceOptions {
  database: TestDb;
  nats: TestNats;
  catalogue: EventCatalogue;
  /** The events published to the suite's stream, numbered by their `data.n`. */
  events: EventEnvelope[];
  /** The handler `effects`: one Effect per event, telling `onApplied` the numbers it applied. */
  handler(onApplied: (ns: number[]) => void): EventHandlerDefinition;
  /** How many messages a consumer pulls at once. */
  batch: number;
}

/**
 * Runs consumers through a clean stop after 300 effects, a process killed while it applies
 * event 700 (its effect commits, its ack never leaves), and a replacement that also sees
 * event 42 again under another msgID; then checks that every event took effect once and
 * that the inbox turned both the lost ack's event and the copy away.
 */
export async function expectEachAppliedOnce(options: EachAppliedOnceOptions): Promise<void> {
  const { database, nats, events } = options;
  const total = events.length;
  const logger = recordingLogger();
  const consumerOn = (clients: NatsClients, onApplied: (ns: number[]) => void): EventConsumer =>
    testConsumer(database, nats, {
      handler: options.handler(onApplied),
      catalogue: options.catalogue,
      js: clients.js,
      jsm: clients.jsm,
      logger,
      ackWaitMs: 1000,
      batch: options.batch,
    });
  const effects = () => database.orm.em.fork().count(Effect, {});

  // 1. A clean stop part of the way through.
  const first = consumerOn(nats, () => undefined);
  await first.start();
  await waitFor('300 effects', async () => (await effects()) >= 300, 40_000);
  await first.stop();
  const afterStop = await effects();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await effects()).toBe(afterStop); // stopped means stopped
  expect(afterStop).toBeGreaterThanOrEqual(300);

  // 2. A process that dies: its connection closes while it applies event 700.
  const doomed = await connectNats({
    servers: NATS_URL,
    name: 'doomed',
    waitOnFirstConnect: false,
    timeoutMs: 1000,
  });
  let killed = false;
  const second = consumerOn(doomed, (ns) => {
    if (!ns.includes(700)) return;
    killed = true;
    void doomed.nc.close();
  });
  await second.start();
  await waitFor('the killed connection', async () => doomed.nc.isClosed(), 40_000);
  await second.stop();
  expect(killed).toBe(true);

  // 3. A replacement, which also sees one event published a second time under another msgID.
  const duplicate = events[42]!;
  await nats.js.publish(subjectFor(duplicate.type, nats.ns), JSON.stringify(duplicate), {
    msgID: `copy-of-${duplicate.id}`,
  });
  const stream = eventsStream(nats.ns);
  expect(await messageCount(nats.jsm, stream)).toBe(total + 1);
  const third = consumerOn(nats, () => undefined);
  await third.start();
  try {
    await waitFor(
      'the consumer to catch up',
      async () => {
        const info = await nats.jsm.consumers.info(stream, third.name);
        return (
          info.num_pending === 0 &&
          info.num_ack_pending === 0 &&
          info.delivered.stream_seq === total + 1
        );
      },
      60_000,
    );
  } finally {
    await third.stop();
  }

  const rows = await database.orm.em.fork().find(Effect, {});
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((row) => row.eventId)).size).toBe(total);
  const inbox = await database.orm.em.fork().find(InboxEntry, { consumer: 'test_effects' });
  expect(inbox).toHaveLength(total);
  expect(inbox.every((entry) => Date.now() - entry.processedAt.getTime() < 120_000)).toBe(true);
  const skipped = logger.entries
    .filter((entry) => entry.message?.startsWith('event already applied'))
    .map((entry) => entry.details.eventId);
  expect(skipped).toEqual(expect.arrayContaining([events[700]!.id, duplicate.id]));
}
