import {
  DeadLetterHeader,
  OutboxEntry,
  createEvent,
  deadLetterStream,
  eventsStream,
  subjectFor,
  type EventCatalogue,
  type EventConsumer,
  type EventEnvelope,
  type OutboxRelay,
} from '..';
import { Effect, openTestDb, type TestDb } from './support/database';
import { messageCount, openTestNats, readStream, type TestNats } from './support/nats';
import { testCatalogue, thingEvent } from './support/things';
import { waitFor } from './support/waitFor';
import { testConsumer, testRelay } from './support/workers';

describe('dead letters, ignored types and follow-up events', () => {
  let nats: TestNats;
  let database: TestDb;
  let catalogue: EventCatalogue;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  const attemptsOf13: number[] = [];

  beforeAll(async () => {
    nats = await openTestNats('dead-letter-test');
    database = await openTestDb('deadletters');
    catalogue = testCatalogue();
    relay = testRelay(database, nats, { pollIntervalMs: 100 });
    consumer = testConsumer(database, nats, {
      catalogue,
      relay,
      ackWaitMs: 5000,
      retryDelaysMs: [50],
      handler: {
        name: 'things',
        types: ['test.thing.created', 'test.thing.updated'],
        maxDeliver: 3,
        async handle(event, { em, emit }) {
          const n = event.data.n as number;
          if (n === 13) {
            attemptsOf13.push(n);
            throw new Error('thing 13 cannot be applied');
          }
          em.persist(em.create(Effect, { eventId: event.id, n }));
          if (event.type === 'test.thing.updated') {
            emit({ type: 'test.thing.noted', subject: event.subject, data: { n, version: 1 } });
          }
        },
      },
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await database?.close();
    await nats?.close();
  });

  const publish = async (subject: string, payload: string) =>
    (await nats.js.publish(subject, payload)).seq;

  it('dead-letters what it cannot take and carries on with the rest', async () => {
    const created = subjectFor('test.thing.created', nats.ns);
    const correlated = createEvent(
      { type: 'test.thing.updated', subject: 'thing-6', data: { n: 6, version: 2 } },
      { source: '/subgraphs/test', correlationId: 'chain-6', actor: 'user:6' },
    );
    const poison = { ...thingEvent('created', 3), data: { n: 'three', version: 1 } };
    const sent: Record<string, { seq: number; payload: string }> = {};
    const send = async (key: string, subject: string, payload: string) => {
      sent[key] = { seq: await publish(subject, payload), payload };
    };

    await send('1', created, JSON.stringify(thingEvent('created', 1)));
    await send('poison', created, JSON.stringify(poison));
    await send('not-json', created, '{ this is not json');
    await send('13', created, JSON.stringify(thingEvent('created', 13)));
    await send('6', subjectFor('test.thing.updated', nats.ns), JSON.stringify(correlated));
    // The consumer filters on test.thing.> but does not handle `deleted`.
    await send(
      '7',
      subjectFor('test.thing.deleted', nats.ns),
      JSON.stringify(thingEvent('deleted', 7)),
    );
    // Nor does it judge an event of a type it does not handle: that is for its consumers.
    await send('unread', subjectFor('test.thing.deleted', nats.ns), '{ not json either');
    await send('8', created, JSON.stringify(thingEvent('created', 8)));

    relay.start();
    await consumer.start();
    const dlq = deadLetterStream(nats.ns);
    await waitFor(
      'three dead letters',
      async () => (await messageCount(nats.jsm, dlq)) === 3,
      30_000,
    );
    // Until the follow-up (published by the relay) has been seen and skipped too.
    await waitFor(
      'the consumer to catch up',
      async () => {
        const info = await nats.jsm.consumers.info(eventsStream(nats.ns), consumer.name);
        const last = (await nats.jsm.streams.info(eventsStream(nats.ns))).state.last_seq;
        return (
          info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq === last
        );
      },
      30_000,
    );

    // The good events were applied, and nothing else.
    const effects = await database.orm.em.fork().find(Effect, {}, { orderBy: { n: 'asc' } });
    expect(effects.map((effect) => effect.n)).toEqual([1, 6, 8]);

    const letters = await readStream(nats.jsm, dlq);
    expect(letters).toHaveLength(3);
    const bySeq = new Map(
      letters.map((letter) => [letter.header.get(DeadLetterHeader.streamSequence), letter]),
    );

    const poisoned = bySeq.get(String(sent.poison.seq))!;
    expect(poisoned.string()).toBe(sent.poison.payload);
    expect(poisoned.subject).toBe(`${nats.ns.subjectPrefix}hrdlq.test_things.test.thing.created`);
    expect(poisoned.header.get(DeadLetterHeader.reason)).toBe('EVENT_INVALID');
    expect(poisoned.header.get(DeadLetterHeader.error)).toMatch(/event\/data\/n must be integer/);
    expect(poisoned.header.get(DeadLetterHeader.consumer)).toBe('test_things');
    expect(poisoned.header.get(DeadLetterHeader.subject)).toBe(created);
    expect(poisoned.header.get(DeadLetterHeader.stream)).toBe(eventsStream(nats.ns));
    expect(poisoned.header.get(DeadLetterHeader.deliveries)).toBe('1');

    const garbled = bySeq.get(String(sent['not-json'].seq))!;
    expect(garbled.header.get(DeadLetterHeader.reason)).toBe('EVENT_INVALID');
    expect(garbled.header.get(DeadLetterHeader.error)).toBe('The payload is not JSON.');

    const failed = bySeq.get(String(sent['13'].seq))!;
    expect(failed.json()).toEqual(JSON.parse(sent['13'].payload));
    expect(failed.header.get(DeadLetterHeader.reason)).toBe('HANDLER_FAILED');
    expect(failed.header.get(DeadLetterHeader.error)).toBe('thing 13 cannot be applied');
    expect(failed.header.get(DeadLetterHeader.deliveries)).toBe('3');
    expect(attemptsOf13).toHaveLength(3);

    // The follow-up of event 6 carries its chain.
    const followUp = (await readStream(nats.jsm, eventsStream(nats.ns)))
      .find((message) => message.subject === subjectFor('test.thing.noted', nats.ns))
      ?.json<EventEnvelope>();
    expect(followUp).toMatchObject({
      source: '/subgraphs/test',
      subject: 'thing-6',
      causationid: correlated.id,
      correlationid: 'chain-6',
      actor: 'user:6',
      data: { n: 6, version: 1 },
    });
  }, 90_000);

  it('rolls back the effect and the follow-up of a failed attempt', async () => {
    // Event 13 failed three times: neither an effect nor an outbox row survived.
    const outbox = await database.orm.em.fork().find(OutboxEntry, {});
    expect(outbox.map((row) => row.type)).toEqual(['test.thing.noted']);
    expect(await database.orm.em.fork().count(Effect, { n: 13 })).toBe(0);
  });
});
