import { recordEvent, type EventCatalogue, type EventEnvelope } from '../..';
import type { TestDb } from './database';
import type { TestNats } from './nats';
import { thingEvent } from './things';
import { testRelay } from './workers';

/** `test.thing.created` events 0 to total - 1, committed to the suite's outbox and relayed. */
export async function publishThings(
  database: TestDb,
  nats: TestNats,
  catalogue: EventCatalogue,
  total: number,
): Promise<EventEnvelope[]> {
  const em = database.orm.em.fork();
  const events = Array.from({ length: total }, (_, n) => thingEvent('created', n));
  for (const event of events) recordEvent(em, event, nats.ns, catalogue);
  await em.flush();
  expect(await testRelay(database, nats).drain()).toBe(total);
  return events;
}
