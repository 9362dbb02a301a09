import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamClient } from '@nats-io/jetstream';
import { openDatabase } from '../../runtime';
import {
  InboxEntry,
  OutboxEntry,
  createOutboxRelay,
  eventsStream,
  recordEvent,
  type EventCatalogue,
} from '..';
import { Effect, openTestDb, type TestDb } from './support/database';
import { messageCount, openTestNats, quietLogger, type TestNats } from './support/nats';
import { testCatalogue, thingEvent } from './support/things';
import { describeOnPostgres } from '../../test-support/onPostgres';

/** The real client, counting the msgIDs this replica publishes. */
function countingPublishes(js: JetStreamClient, published: string[]): JetStreamClient {
  return new Proxy(js, {
    get(target, property, receiver) {
      if (property !== 'publish') return Reflect.get(target, property, receiver);
      const publish: JetStreamClient['publish'] = (subject, payload, options) => {
        published.push(options?.msgID ?? '?');
        return target.publish(subject, payload, options);
      };
      return publish;
    },
  });
}

// SKIP LOCKED is what lets relay replicas share one outbox table; SQLite has one relay.
describeOnPostgres('relay replicas on PostgreSQL (skipped on SQLite: one relay per file)', () => {
  let nats: TestNats;
  let database: TestDb;
  let secondOrm: MikroORM;
  let catalogue: EventCatalogue;

  beforeAll(async () => {
    nats = await openTestNats('relay-replicas-test');
    database = await openTestDb('replicas');
    // A second process's connection pool on the same tables.
    secondOrm = await openDatabase({
      target: database.db.target('replicas'),
      entities: [OutboxEntry, InboxEntry, Effect],
    });
    catalogue = testCatalogue();
  });
  afterAll(async () => {
    await secondOrm?.close();
    await database?.close();
    await nats?.close();
  });

  it('publishes every row once when two relays run against the same table', async () => {
    const total = 600;
    for (let batch = 0; batch < total / 100; batch++) {
      await database.orm.em.fork().transactional(async (em) => {
        for (let n = batch * 100; n < (batch + 1) * 100; n++) {
          recordEvent(em, thingEvent('created', n), nats.ns, catalogue);
        }
      });
    }
    const byFirst: string[] = [];
    const bySecond: string[] = [];
    const relay = (orm: MikroORM, published: string[]) =>
      createOutboxRelay({
        orm,
        js: countingPublishes(nats.js, published),
        namespace: nats.ns,
        batchSize: 20,
        logger: quietLogger,
      });

    const drained = await Promise.all([
      relay(database.orm, byFirst).drain(),
      relay(secondOrm, bySecond).drain(),
    ]);

    expect(drained[0] + drained[1]).toBe(total);
    // Both replicas took part, and no row went out twice.
    expect(byFirst.length).toBeGreaterThan(0);
    expect(bySecond.length).toBeGreaterThan(0);
    expect(byFirst.length + bySecond.length).toBe(total);
    expect(new Set([...byFirst, ...bySecond]).size).toBe(total);
    expect(await messageCount(nats.jsm, eventsStream(nats.ns))).toBe(total);
    expect(await database.orm.em.fork().count(OutboxEntry, { sentAt: null })).toBe(0);
  });
});
