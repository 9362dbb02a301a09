import type { EntityManager } from '@mikro-orm/core';
import type { EventEnvelope } from '..';
import { Effect, suiteDb } from './support/database';
import { expectEachAppliedOnce } from './support/expectEachAppliedOnce';
import { suiteNats } from './support/nats';
import { publishThings } from './support/publishThings';
import { testCatalogue } from './support/things';

const TOTAL = 1000;

describe('durable consumer with a batch path', () => {
  const nats = suiteNats('batch-consumer-test');
  const database = suiteDb('batch_consumer');
  const catalogue = testCatalogue();
  let events: EventEnvelope[];

  beforeAll(async () => {
    events = await publishThings(database, nats, catalogue, TOTAL);
  });

  it('applies each of 1,000 events once across a stop, a killed connection and duplicates', async () => {
    const batchSizes: number[] = [];
    await expectEachAppliedOnce({
      database,
      nats,
      catalogue,
      events,
      handler: (onApplied) => {
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
        return {
          name: 'effects',
          types: ['test.thing.created'],
          handle: (event, { em }) => apply([event], em),
          handleBatch: (batch, { em }) => apply(batch, em),
        };
      },
      batch: 50,
    });
    // A backlog went through in batches, not one event at a time.
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(batchSizes.length).toBeLessThan(TOTAL / 2);
  }, 120_000);
});
