import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import fc from 'fast-check';
import {
  handleEachInBatch,
  type EventDraft,
  type EventEnvelope,
  type EventHandlerDefinition,
  type HandleOne,
} from '..';
import { createTestNamespace } from '../testing';
import { createEventApplier, type Outcome } from '../src/consumer/createEventApplier';
import { applyBothWays } from './support/applyBothWays';
import { clearTables, Effect, suiteDb, tablesOf, type TestDb } from './support/database';
import { testCatalogue, thingEvent } from './support/things';

const TALLY = 'tally';
/** The tally's row, looked up by key: the identity map answers such a look-up without a query. */
const TALLY_ID = 1_000_000;

/**
 * Notes the tally as it stands (a follow-up), adds the event's n to it with a raw statement
 * the unit of work does not see, and leaves an effect row for the final flush. Refuses `failOn`.
 */
const handleWith =
  (failOn?: number): HandleOne<EventEnvelope, EventDraft> =>
  async (event, { em, emit }) => {
    const n = event.data.n as number;
    if (n === failOn) throw new Error('refused');
    let tally = await em.findOne(Effect, TALLY_ID);
    if (!tally) {
      tally = em.create(Effect, { id: TALLY_ID, eventId: TALLY, n: 0 });
      await em.flush();
    }
    emit({ type: 'test.thing.noted', subject: event.subject, data: { n: tally.n, version: 1 } });
    await (em as SqlEntityManager)
      .createQueryBuilder(Effect)
      .update({ n: raw('n + ?', [n]) })
      .where({ eventId: TALLY })
      .execute();
    em.persist(em.create(Effect, { eventId: event.id, n }));
  };

const handler = (failOn?: number): EventHandlerDefinition => {
  const handle = handleWith(failOn);
  return {
    name: 'each',
    types: ['test.thing.created'],
    handle,
    handleBatch: handleEachInBatch(handle),
  };
};

// The batch path made of a handler's one-event path: the same tables as one event at a time,
// however the events are cut into batches, even for a handler that writes behind the unit of
// work's back and reads what it wrote in the next event.
describe('handleEachInBatch', () => {
  const oneByOne = suiteDb('each_one_by_one');
  const batched = suiteDb('each_batched');
  const catalogue = testCatalogue();
  const events = Array.from({ length: 10 }, (_, n) => thingEvent('created', n + 1));

  const applierOn = (database: TestDb, failOn?: number) =>
    createEventApplier({
      orm: database.orm,
      catalogue,
      namespace: createTestNamespace(),
      subgraph: 'test',
      consumer: 'test_each',
      handler: handler(failOn),
    });

  it('keeps a running tally across a batch as one event at a time does', async () => {
    await clearTables(batched);
    const outcomes = await applierOn(batched).apply(events.slice(0, 4));
    expect(outcomes).toEqual(Array(4).fill({ duplicate: false, emitted: 1 }));
    const { effects, followUps } = await tablesOf(batched);
    // Each event noted the tally the events before it left: 0, 1, 1+2, 1+2+3.
    expect(followUps.map(([, n]) => n)).toEqual([0, 1, 3, 6]);
    expect(effects).toContainEqual([TALLY, 10]);
  });

  it('gives the tables and outcomes of one event at a time, for any batches and duplicates', async () => {
    const property = fc.asyncProperty(
      fc.array(fc.nat({ max: events.length - 1 }), { minLength: 1, maxLength: 20 }),
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 20 }),
      fc.option(fc.integer({ min: 1, max: events.length }), { nil: undefined }),
      async (order, sizes, failOn) => {
        const delivered = order.map((n) => events[n]!);
        await Promise.all([clearTables(oneByOne), clearTables(batched)]);
        const { oneByOne: expected, batched: outcomes } = await applyBothWays(
          applierOn(oneByOne, failOn),
          applierOn(batched, failOn),
          delivered,
          sizes,
        );
        const withoutErrors = (list: Outcome[]) =>
          list.map((o) => ('error' in o ? { error: (o.error as Error).message } : o));
        expect(withoutErrors(outcomes)).toEqual(withoutErrors(expected));
        expect(await tablesOf(batched)).toEqual(await tablesOf(oneByOne));
      },
    );
    await fc.assert(property, { numRuns: 30 });
  }, 120_000);
});
