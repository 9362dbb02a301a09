import { headers as natsHeaders } from '@nats-io/nats-core';
import {
  DeadLetterError,
  countDeadLetters,
  deadLetterStream,
  discardDeadLetter,
  getDeadLetter,
  listDeadLetters,
  replayDeadLetter,
  subjectFor,
  type EventCatalogue,
  type EventConsumer,
} from '..';
import type { DeadLetterClients } from '../src/deadLetters';
import { Effect, openTestDb, type TestDb } from './support/database';
import { openTestNats, type TestNats } from './support/nats';
import { testCatalogue, thingEvent } from './support/things';
import { waitFor } from './support/waitFor';
import { testConsumer } from './support/workers';

const CONSUMER = 'test_fragile';

describe('the dead-letter API', () => {
  let nats: TestNats;
  let database: TestDb;
  let catalogue: EventCatalogue;
  let consumer: EventConsumer;
  let clients: DeadLetterClients & TestNats;
  // The handler fails until the test says the fault is fixed.
  let fixed = false;

  const startConsumer = async () => {
    consumer = testConsumer(database, nats, {
      nc: nats.nc,
      catalogue,
      retryDelaysMs: [20],
      handler: {
        name: 'fragile',
        types: ['test.thing.created', 'test.thing.updated'],
        maxDeliver: 2,
        async handle(event, { em }) {
          if (!fixed) throw new Error(`thing ${String(event.data.n)} is broken`);
          em.persist(em.create(Effect, { eventId: event.id, n: event.data.n as number }));
        },
      },
    });
    await consumer.start();
  };

  const effects = () => database.orm.em.fork().count(Effect, {});
  const failOn = async (verb: string, n: number) => {
    const event = thingEvent(verb, n);
    await nats.js.publish(subjectFor(event.type, nats.ns), JSON.stringify(event));
    return event;
  };
  const letters = async (expected: number) => {
    await waitFor(`${expected} dead letters`, async () => {
      return (await listDeadLetters(clients, { first: 0 })).totalCount === expected;
    });
  };
  const problemOf = (work: Promise<unknown>) =>
    work.then(
      () => 'none',
      (error: unknown) => (error instanceof DeadLetterError ? error.problem : String(error)),
    );

  beforeAll(async () => {
    nats = await openTestNats('dead-letter-api-test');
    database = await openTestDb('deadletterapi');
    catalogue = testCatalogue();
    clients = { ...nats, namespace: nats.ns };
    await startConsumer();
  });
  afterAll(async () => {
    await consumer?.stop();
    await database?.close();
    await nats?.close();
  });

  it('lists what a consumer gave up on, with why, when and the event', async () => {
    const started = Date.now();
    const event = await failOn('created', 1);
    await letters(1);
    const { nodes, totalCount, hasNextPage } = await listDeadLetters(clients);
    expect({ totalCount, hasNextPage }).toEqual({ totalCount: 1, hasNextPage: false });
    const [letter] = nodes;
    expect(letter).toMatchObject({
      consumer: CONSUMER,
      type: 'test.thing.created',
      reason: 'HANDLER_FAILED',
      error: 'thing 1 is broken',
      attempts: 2,
      eventId: event.id,
      event: { id: event.id, type: 'test.thing.created', data: { n: 1, version: 1 } },
      rawPayload: null,
    });
    expect(letter!.firstFailedAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(letter!.lastFailedAt.getTime()).toBeGreaterThan(letter!.firstFailedAt.getTime());
    expect(await getDeadLetter(clients, letter!.id)).toEqual(letter);
    expect(await countDeadLetters(clients, CONSUMER)).toBe(1);
  });

  it('filters by consumer and type, and pages', async () => {
    await failOn('updated', 2);
    await failOn('created', 3);
    await letters(3);
    const byType = await listDeadLetters(clients, { type: 'test.thing.updated' });
    expect(byType.nodes.map((l) => l.event?.data)).toEqual([{ n: 2, version: 1 }]);
    expect(byType.totalCount).toBe(1);
    const other = await listDeadLetters(clients, { consumer: 'test_other' });
    expect(other).toEqual({ nodes: [], totalCount: 0, hasNextPage: false, endCursor: null });
    const first = await listDeadLetters(clients, { consumer: CONSUMER, first: 2 });
    expect(first.hasNextPage).toBe(true);
    const rest = await listDeadLetters(clients, { first: 2, after: first.endCursor! });
    expect([...first.nodes, ...rest.nodes].map((l) => l.event?.data)).toEqual(
      [1, 2, 3].map((n) => ({ n, version: 1 })),
    );
    expect(rest).toMatchObject({ totalCount: 3, hasNextPage: false });
  });

  it('refuses malformed arguments, naming them', async () => {
    const refusal = (work: Promise<unknown>) =>
      work.catch((error: DeadLetterError) => [error.problem, error.field]);
    expect(await refusal(listDeadLetters(clients, { first: 101 }))).toEqual([
      'INPUT_INVALID',
      'first',
    ]);
    expect(await refusal(listDeadLetters(clients, { consumer: 'a.>' }))).toEqual([
      'INPUT_INVALID',
      'consumer',
    ]);
    expect(await refusal(listDeadLetters(clients, { type: '*' }))).toEqual([
      'INPUT_INVALID',
      'type',
    ]);
    expect(await refusal(discardDeadLetter(clients, 'x1'))).toEqual(['INPUT_INVALID', 'id']);
  });

  it('says UNAVAILABLE and keeps the letter when the consumer does not run', async () => {
    const [letter] = (await listDeadLetters(clients, { first: 1 })).nodes;
    await consumer.stop();
    expect(await problemOf(replayDeadLetter(clients, letter!.id, { timeoutMs: 2000 }))).toBe(
      'UNAVAILABLE',
    );
    await startConsumer();
    expect(await getDeadLetter(clients, letter!.id)).toEqual(letter);
  });

  it('keeps the letter when the handler fails again', async () => {
    const [letter] = (await listDeadLetters(clients, { first: 1 })).nodes;
    expect(await problemOf(replayDeadLetter(clients, letter!.id))).toBe('REPLAY_FAILED');
    expect(await getDeadLetter(clients, letter!.id)).toEqual(letter);
    expect(await effects()).toBe(0);
  });

  it('replays to the consumer once fixed: one effect, however often', async () => {
    fixed = true;
    const [letter] = (await listDeadLetters(clients, { first: 1 })).nodes;
    const stored = await nats.jsm.streams.getMessage(deadLetterStream(nats.ns), {
      seq: Number(letter!.id),
    });
    const result = await replayDeadLetter(clients, letter!.id);
    expect(result).toMatchObject({ alreadyApplied: false, letter: { id: letter!.id } });
    expect(await effects()).toBe(1);
    expect(await getDeadLetter(clients, letter!.id)).toBeNull();
    expect(await problemOf(replayDeadLetter(clients, letter!.id))).toBe('NOT_FOUND');

    // The same dead letter again (a copy parked twice): the inbox holds it to one effect.
    const headers = natsHeaders();
    for (const [key, values] of stored!.header) {
      if (key !== 'Nats-Msg-Id') values.forEach((value) => headers.append(key, value));
    }
    const copy = await nats.js.publish(stored!.subject, stored!.data, { headers });
    const again = await replayDeadLetter(clients, String(copy.seq));
    expect(again.alreadyApplied).toBe(true);
    expect(await effects()).toBe(1);
  });

  it('discards a letter without applying it', async () => {
    const before = await effects();
    const [letter] = (await listDeadLetters(clients, { first: 1 })).nodes;
    expect((await discardDeadLetter(clients, letter!.id)).id).toBe(letter!.id);
    expect(await getDeadLetter(clients, letter!.id)).toBeNull();
    expect(await problemOf(discardDeadLetter(clients, letter!.id))).toBe('NOT_FOUND');
    expect(await effects()).toBe(before);
  });
});
