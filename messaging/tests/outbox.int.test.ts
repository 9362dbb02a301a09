import {
  EventValidationError,
  OutboxEntry,
  OutboxPublishError,
  createEvent,
  eventsStream,
  isPostgres,
  recordEvent,
  type EventEnvelope,
  type OutboxRelayOptions,
} from '..';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { sqlShape, type SentQuery } from '../../test-support/sqlShape';
import { createTestNamespace } from '../testing';
import { suiteDb } from './support/database';
import { messageCount, readStream, suiteNats } from './support/nats';
import { testCatalogue, thingEvent } from './support/things';
import { testRelay } from './support/workers';
import { waitFor } from './support/waitFor';

describe('transactional outbox and relay', () => {
  const nats = suiteNats('outbox-test');
  const database = suiteDb('outbox');
  const catalogue = testCatalogue();
  let stream: string;

  beforeAll(() => {
    stream = eventsStream(nats.ns);
  });
  beforeEach(async () => {
    await database.orm.em.fork().nativeDelete(OutboxEntry, {});
    await nats.jsm.streams.purge(stream);
  });

  const relayFor = (options: Partial<OutboxRelayOptions> = {}) =>
    testRelay(database, nats, options);

  const commit = (events: EventEnvelope[], ns = nats.ns) =>
    database.orm.em.fork().transactional(async (em) => {
      for (const event of events) recordEvent(em, event, ns, catalogue);
    });

  const unsent = () => database.orm.em.fork().count(OutboxEntry, { sentAt: null });

  it('never publishes an event whose transaction rolled back', async () => {
    const rollback = database.orm.em.fork().transactional(async (em) => {
      recordEvent(em, thingEvent('created', 1), nats.ns, catalogue);
      await em.flush();
      throw new Error('the change failed');
    });
    await expect(rollback).rejects.toThrow('the change failed');

    expect(await database.orm.em.fork().count(OutboxEntry, {})).toBe(0);
    expect(await relayFor().drain()).toBe(0);
    expect(await messageCount(nats.jsm, stream)).toBe(0);
  });

  it('publishes a committed event once, with its id as msgID, and marks it sent', async () => {
    const event = thingEvent('created', 2);
    await commit([event]);
    expect(await unsent()).toBe(1);

    const relay = relayFor();
    expect(await relay.drain()).toBe(1);
    expect(await relay.drain()).toBe(0);

    const [message, ...rest] = await readStream(nats.jsm, stream);
    expect(rest).toHaveLength(0);
    expect(message.subject).toBe(`${nats.ns.subjectPrefix}hr.test.thing.created`);
    expect(message.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(message.json()).toEqual(event);
    const row = await database.orm.em.fork().findOneOrFail(OutboxEntry, { id: event.id });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(0);
  });

  it('claims a round in one statement and marks what it sent in one more', async () => {
    await commit([1, 2, 3].map((n) => thingEvent('created', 30 + n)));
    const sent: string[] = [];
    const knex = (database.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const record = (query: SentQuery) => sent.push(sqlShape(query.sql));
    knex.on('query', record);
    try {
      expect(await relayFor({ batchSize: 10 }).drain()).toBe(3);
    } finally {
      knex.removeListener('query', record);
    }
    // One round takes all three: on PostgreSQL its rows locked to the end of its transaction,
    // skipping those another replica holds. Values are bound (`?` on SQLite, `$1` on PostgreSQL).
    const lock = isPostgres(database.orm) ? ' for update skip locked' : '';
    const claim =
      'select id as id, subject as subject, payload as payload, attempts as attempts, ' +
      'last_error as last_error from outbox where sent_at is null ' +
      `order by created_at asc, id asc limit n${lock}`;
    const shapes = sent
      .filter((statement) => /\boutbox\b/.test(statement))
      .map((statement) =>
        statement
          .replace(/\blimit (\?|\$1|\d+)/, 'limit n')
          .replace(/sent_at = (\?|\$1)/, 'sent_at = ?'),
      );
    expect(shapes).toEqual([claim, 'update outbox set sent_at = ? where id in (3 values)']);
    expect(await unsent()).toBe(0);
  });

  it('lets JetStream drop a row the relay publishes again', async () => {
    await commit([thingEvent('created', 3), thingEvent('updated', 3)]);
    const relay = relayFor();
    expect(await relay.drain()).toBe(2);

    // As if the relay had died between the publish and marking the rows sent.
    await database.orm.em.fork().nativeUpdate(OutboxEntry, {}, { sentAt: null });
    expect(await relay.drain()).toBe(2);

    expect(await messageCount(nats.jsm, stream)).toBe(2);
    expect(await unsent()).toBe(0);
  });

  it('refuses to record an event the catalogue rejects', async () => {
    const bad = createEvent(
      { type: 'test.thing.created', subject: 't', data: { n: 'one', version: 1 } },
      { source: '/subgraphs/test', correlationId: 'c' },
    );
    const em = database.orm.em.fork();
    expect(() => recordEvent(em, bad, nats.ns, catalogue)).toThrow(EventValidationError);
    await em.flush();
    expect(await database.orm.em.fork().count(OutboxEntry, {})).toBe(0);
  });

  it('publishes in the order the events were recorded, over several rounds', async () => {
    const events = Array.from({ length: 250 }, (_, n) =>
      thingEvent(n % 2 ? 'updated' : 'created', n),
    );
    for (let i = 0; i < events.length; i += 25) await commit(events.slice(i, i + 25));

    expect(await relayFor({ batchSize: 40 }).drain()).toBe(250);
    const published = (await readStream(nats.jsm, stream)).map((m) => m.json<EventEnvelope>().id);
    expect(published).toEqual(events.map((e) => e.id));
  });

  it('publishes at once when notified after a commit, without waiting for the next poll', async () => {
    const relay = relayFor({ pollIntervalMs: 60_000 });
    relay.start();
    try {
      // Let the first round find nothing, so the relay is asleep for a minute.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await commit([thingEvent('created', 4)]);
      relay.notify();
      await waitFor(
        'the notified event',
        async () => (await messageCount(nats.jsm, stream)) === 1,
        5000,
      );
    } finally {
      await relay.stop();
    }
    expect(await unsent()).toBe(0);
  });

  it("holds an entity's later events back when one of its publishes fails, and sends the rest", async () => {
    // Thing 1 is created, updated and updated again; thing 2 likewise, in between.
    const events = [1, 2, 1, 2, 1, 2].map((n, i) =>
      thingEvent(i < 2 ? 'created' : 'updated', n, `corr-order-${i}`),
    );
    await commit(events);
    const failing = events[2]!.id; // thing 1's first update
    let refused = false;
    // The real client, but for one refusal of the publish the test picks.
    const js = new Proxy(nats.js, {
      get: (target, key) =>
        key === 'publish'
          ? (subject: string, payload: string, opts: { msgID?: string }) => {
              if (opts.msgID === failing && !refused) {
                refused = true;
                return Promise.reject(new Error('refused for the test'));
              }
              return target.publish(subject, payload, opts);
            }
          : Reflect.get(target, key),
    });

    await expect(relayFor({ js }).drain()).rejects.toThrow(OutboxPublishError);
    const first = (await readStream(nats.jsm, stream)).map((m) => m.json<EventEnvelope>().id);
    // Thing 1's events after the refused one wait; thing 2's do not.
    expect(first).not.toContain(events[4]!.id);
    expect(first.filter((id) => id !== events[0]!.id)).toEqual(
      [events[1], events[3], events[5]].map((e) => e!.id).filter((id) => first.includes(id)),
    );

    expect(await relayFor().drain()).toBe(events.length - first.length);
    const all = (await readStream(nats.jsm, stream)).map((m) => m.json<EventEnvelope>());
    const of = (subject: string) => all.filter((e) => e.subject === subject).map((e) => e.id);
    expect(of('thing-1')).toEqual([events[0], events[2], events[4]].map((e) => e!.id));
    expect(of('thing-2')).toEqual([events[1], events[3], events[5]].map((e) => e!.id));
    expect(await unsent()).toBe(0);
  });

  it('keeps a row it cannot publish, with the error and attempt count', async () => {
    const nowhere = createTestNamespace(); // no stream listens on these subjects
    const event = thingEvent('created', 5);
    await commit([event], nowhere);

    const drain = relayFor({ namespace: nowhere, publishTimeoutMs: 1000 }).drain();
    await expect(drain).rejects.toThrow(OutboxPublishError);
    await expect(drain).rejects.toMatchObject({ code: 'PUBLISH_FAILED' });

    const row = await database.orm.em.fork().findOneOrFail(OutboxEntry, { id: event.id });
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toEqual(expect.any(String));
  });

  it('deletes rows published long enough ago, and never an unsent one', async () => {
    const events = [1, 2, 3].map((n) => thingEvent('created', 10 + n));
    await commit(events);
    const relay = relayFor({ keepSentMs: 0, purgeIntervalMs: 50, pollIntervalMs: 50 });
    const rows = () => database.orm.em.fork().count(OutboxEntry, {});
    relay.start();
    try {
      await waitFor('the published rows to go', async () => (await rows()) === 0, 5000);
      expect(await messageCount(nats.jsm, stream)).toBe(3);
      // A row no stream takes stays unsent, through several purges.
      const stuck = thingEvent('created', 20);
      await commit([stuck], createTestNamespace());
      await waitFor(
        'a failed attempt',
        async () =>
          ((await database.orm.em.fork().findOne(OutboxEntry, { id: stuck.id }))?.attempts ?? 0) >
          0,
        5000,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await relay.stop();
    }
    expect(await rows()).toBe(1);
    expect(await unsent()).toBe(1);
  });
});
