import { EntitySchema } from '@mikro-orm/core';
import { openTestOrm, type TestOrm } from '../../../test-support/openTestOrm';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { InboxEntry, OutboxEntry, type EventEnvelope, type EventHandlerDefinition } from '../..';

/** A row a test handler writes in the consumer's transaction: one per applied event. */
export interface Effect {
  id?: number;
  eventId: string;
  n: number;
}

export const Effect = new EntitySchema<Effect>({
  name: 'Effect',
  tableName: 'effects',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    // Deliberately not unique: a second effect of one event must show up as a second row.
    eventId: { type: 'string', length: 36 },
    n: { type: 'integer' },
  },
});

/**
 * The handler most consumer tests run: one `Effect` row per `test.thing.created`, written in
 * the consumer's transaction, with each applied `n` reported to `onApplied`.
 */
export function effectsHandler(onApplied?: (ns: number[]) => void): EventHandlerDefinition {
  return {
    name: 'effects',
    types: ['test.thing.created'],
    async handle(event, { em }) {
      const n = event.data.n as number;
      em.persist(em.create(Effect, { eventId: event.id, n }));
      onApplied?.([n]);
    },
  };
}

export type TestDb = TestOrm;

/** A fresh database on the engine of the Jest project, with the outbox, inbox and effects tables. */
export const openTestDb = (name: string): Promise<TestDb> =>
  openTestOrm(name, [OutboxEntry, InboxEntry, Effect]);

/** `openTestDb` for the whole suite: open before its tests, closed after them. */
export function suiteDb(name: string): TestDb {
  return suiteHarness(async () => {
    const database = await openTestDb(name);
    return { ...database, stop: () => database.close() };
  });
}

/** Each effect row in the order it was written, each follow-up with its cause, the inbox. */
export async function tablesOf(database: TestDb) {
  const em = database.orm.em.fork();
  const effects = await em.find(Effect, {}, { orderBy: { id: 'asc' } });
  const outbox = await em.find(OutboxEntry, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const inbox = await em.find(InboxEntry, {}, { orderBy: { eventId: 'asc' } });
  return {
    effects: effects.map((row) => [row.eventId, row.n]),
    followUps: outbox.map((row) => {
      const event = JSON.parse(row.payload) as EventEnvelope;
      return [event.causationid, event.data.n];
    }),
    inbox: inbox.map((row) => [row.consumer, row.eventId]),
  };
}

/** Empties the effects, outbox and inbox tables. */
export async function clearTables(database: TestDb): Promise<void> {
  const em = database.orm.em.fork();
  await em.nativeDelete(Effect, {});
  await em.nativeDelete(OutboxEntry, {});
  await em.nativeDelete(InboxEntry, {});
}
