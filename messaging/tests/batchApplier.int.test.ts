import fc from 'fast-check';
import { InboxEntry, type EventEnvelope, type EventHandlerDefinition, type Logger } from '..';
import { createTestNamespace } from '../testing';
import { createEventApplier } from '../src/consumer/createEventApplier';
import { applyBothWays } from './support/applyBothWays';
import { clearTables, Effect, suiteDb, tablesOf, type TestDb } from './support/database';
import { recordingLogger } from './support/recordingLogger';
import { testCatalogue, thingEvent } from './support/things';

/** How many events went through each path. */
const calls = { each: 0, batched: 0 };

/** An effect per event, and a follow-up for every third; the batch path does the same in one go. */
const handler = (failOn?: number): EventHandlerDefinition => ({
  name: 'batched',
  types: ['test.thing.created'],
  async handle(event, { em, emit }) {
    calls.each += 1;
    const n = event.data.n as number;
    await em.insert(Effect, { eventId: event.id, n });
    if (n % 3 === 0) emit({ type: 'test.thing.noted', subject: event.subject, data: event.data });
  },
  async handleBatch(events, { em, emit }) {
    if (events.some((event) => event.data.n === failOn)) throw new Error('batch refused');
    calls.batched += events.length;
    await em.insertMany(
      Effect,
      events.map((event) => ({ eventId: event.id, n: event.data.n as number })),
    );
    for (const event of events) {
      if ((event.data.n as number) % 3 === 0) {
        emit(event, { type: 'test.thing.noted', subject: event.subject, data: event.data });
      }
    }
  },
});

describe('applying events in batches', () => {
  const oneByOne = suiteDb('one_by_one');
  const batched = suiteDb('batched');
  const catalogue = testCatalogue();
  const events = Array.from({ length: 12 }, (_, n) => thingEvent('created', n));

  const applierOn = (database: TestDb, failOn?: number, logger?: Logger) =>
    createEventApplier({
      orm: database.orm,
      catalogue,
      namespace: createTestNamespace(),
      subgraph: 'test',
      consumer: 'test_batched',
      handler: handler(failOn),
      logger,
    });

  /** Marks events applied before, as an earlier delivery would have. */
  async function appliedBefore(database: TestDb, picked: EventEnvelope[]): Promise<void> {
    const em = database.orm.em.fork();
    for (const event of new Set(picked)) {
      em.create(InboxEntry, {
        consumer: 'test_batched',
        eventId: event.id,
        processedAt: new Date(),
      });
    }
    await em.flush();
  }

  it('gives the tables and outcomes of one event at a time, for any batches and duplicates', async () => {
    const delivery = fc.array(fc.nat({ max: events.length - 1 }), { minLength: 1, maxLength: 30 });
    const property = fc.asyncProperty(
      delivery,
      fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 30 }),
      fc.subarray(events),
      fc.option(fc.nat({ max: events.length - 1 }), { nil: undefined }),
      async (order, sizes, earlier, failOn) => {
        const delivered = order.map((n) => events[n]!);
        await Promise.all([clearTables(oneByOne), clearTables(batched)]);
        await appliedBefore(oneByOne, earlier);
        await appliedBefore(batched, earlier);
        const { oneByOne: expected, batched: outcomes } = await applyBothWays(
          applierOn(oneByOne, failOn),
          applierOn(batched, failOn),
          delivered,
          sizes,
        );
        expect(outcomes).toEqual(expected);
        expect(await tablesOf(batched)).toEqual(await tablesOf(oneByOne));
      },
    );
    await fc.assert(property, { numRuns: 40 });
  }, 120_000);

  it('hands only the new events to the batch path, each once', async () => {
    await clearTables(batched);
    await appliedBefore(batched, events.slice(0, 4));
    Object.assign(calls, { each: 0, batched: 0 });
    const outcomes = await applierOn(batched).apply([...events, events[5]!]);
    expect(outcomes.map((o) => 'duplicate' in o && o.duplicate)).toEqual([
      ...Array(4).fill(true),
      ...Array(8).fill(false),
      true,
    ]);
    expect(calls).toEqual({ each: 0, batched: 8 });
    const { effects, followUps } = await tablesOf(batched);
    expect(effects.map(([, n]) => n)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(followUps).toEqual([
      [events[6]!.id, 6],
      [events[9]!.id, 9],
    ]);
  });

  it('says why a batch fell back to one event at a time', async () => {
    await clearTables(batched);
    const logger = recordingLogger();
    Object.assign(calls, { each: 0, batched: 0 });
    // The batch path refuses event 5; one at a time applies all eight.
    const outcomes = await applierOn(batched, 5, logger).apply(events.slice(0, 8));
    expect(outcomes.filter((o) => 'error' in o)).toEqual([]);
    expect(calls).toEqual({ each: 8, batched: 0 });
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'batch failed; applying its events one at a time',
        details: {
          err: expect.objectContaining({ message: 'batch refused' }),
          consumer: 'test_batched',
          events: 8,
        },
      },
    ]);
  });
});
