import type { EntityManager } from '@mikro-orm/core';
import {
  InboxEntry,
  connectNats,
  eventsStream,
  subjectFor,
  type EventEnvelope,
  type EventHandlerDefinition,
  type NatsClients,
} from '..';
import { Effect, openTestDb, type TestDb } from './support/database';
import { NATS_URL, messageCount, openTestNats, type TestNats } from './support/nats';
import { recordingLogger } from './support/recordingLogger';
import { publishThings } from './support/publishThings';
import { testCatalogue } from './support/things';
import { waitFor } from './support/waitFor';
import { testConsumer } from './support/workers';

const TOTAL = 1000;

describe('durable consumer with a batch path', () => {
  let nats: TestNats;
  let database: TestDb;
  const catalogue = testCatalogue();
  let events: EventEnvelope[];

  beforeAll(async () => {
    nats = await openTestNats('batch-consumer-test');
    database = await openTestDb('batch_consumer');
    events = await publishThings(database, nats, catalogue, TOTAL);
  });
  afterAll(async () => {
    await database?.close();
    await nats?.close();
  });

  const effects = () => database.orm.em.fork().count(Effect, {});

  it('applies each of 1,000 events once across a stop, a killed connection and duplicates', async () => {
    let onApplied: (ns: number[]) => void = () => undefined;
    const batchSizes: number[] = [];
    const apply = async (batch: EventEnvelope[], em: EntityManager) => {
      const ns = batch.map((event) => event.data.n as number);
      await em.insertMany(
        Effect,
        batch.map((event, i) => ({ eventId: event.id, n: ns[i]! })),
      );
      batchSizes.push(batch.length);
      onApplied(ns);
    };
    // An event that arrives alone, or a batch that failed, goes through `handle`.
    const handler: EventHandlerDefinition = {
      name: 'effects',
      types: ['test.thing.created'],
      handle: (event, { em }) => apply([event], em),
      handleBatch: (batch, { em }) => apply(batch, em),
    };
    const logger = recordingLogger();
    const consumerOn = (clients: NatsClients) =>
      testConsumer(database, nats, {
        handler,
        catalogue,
        js: clients.js,
        jsm: clients.jsm,
        logger,
        ackWaitMs: 1000,
        batch: 50,
      });

    // 1. A clean stop part of the way through.
    const first = consumerOn(nats);
    await first.start();
    await waitFor('300 effects', async () => (await effects()) >= 300, 40_000);
    await first.stop();
    const afterStop = await effects();

    // 2. A process that dies while it applies the batch holding event 700: the batch commits,
    //    its acks never leave.
    const doomed = await connectNats({
      servers: NATS_URL,
      name: 'doomed',
      waitOnFirstConnect: false,
      timeoutMs: 1000,
    });
    const second = consumerOn(doomed);
    onApplied = (ns) => {
      if (ns.includes(700)) void doomed.nc.close();
    };
    await second.start();
    await waitFor('the killed connection', async () => doomed.nc.isClosed(), 40_000);
    await second.stop();
    onApplied = () => undefined;

    // 3. A replacement, which also sees one event published a second time under another msgID.
    const duplicate = events[42]!;
    await nats.js.publish(subjectFor(duplicate.type, nats.ns), JSON.stringify(duplicate), {
      msgID: `copy-of-${duplicate.id}`,
    });
    const stream = eventsStream(nats.ns);
    const third = consumerOn(nats);
    await third.start();
    try {
      await waitFor(
        'the consumer to catch up',
        async () => {
          const info = await nats.jsm.consumers.info(stream, third.name);
          const last = await messageCount(nats.jsm, stream);
          return (
            info.num_pending === 0 &&
            info.num_ack_pending === 0 &&
            info.delivered.stream_seq === last
          );
        },
        60_000,
      );
    } finally {
      await third.stop();
    }
    expect(afterStop).toBeGreaterThanOrEqual(300);
    const rows = await database.orm.em.fork().find(Effect, {});
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(TOTAL);
    expect(await database.orm.em.fork().count(InboxEntry, { consumer: 'test_effects' })).toBe(
      TOTAL,
    );
    // Event 700's batch came back after the kill, and the copy of 42 arrived: the inbox turned
    // them away without reaching the handler.
    const skipped = logger.entries
      .filter((entry) => entry.message?.startsWith('event already applied'))
      .map((entry) => entry.details.eventId);
    expect(skipped).toEqual(expect.arrayContaining([events[700]!.id, duplicate.id]));
    // A backlog went through in batches, not one event at a time.
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(batchSizes.length).toBeLessThan(TOTAL / 2);
  }, 120_000);
});
