import crypto from 'node:crypto';
import { GraphQLError, getOperationAST, parse, type FieldNode } from 'graphql';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { createLogger, ErrorCode, forbidden } from '../../runtime';
import {
  createDeliveryQueue,
  createEventFeed,
  createLookupDocument,
  type FeedClient,
  type SubscriptionEvent,
} from '../src';
import { badSubscription, formatThrown } from '../src/subscriptions/subscriptionErrors';
import { ChannelClients } from '../src/subscriptions/feed/ChannelClients';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const event = (seq: number): SubscriptionEvent => ({ seq, subject: 's', body: { n: seq } });

describe('createLookupDocument', () => {
  const lookup = { field: 'leaveRequest', arguments: { id: 'ID!' }, variables: () => ({}) };
  const build = (text: string) => {
    const document = parse(text);
    const operation = getOperationAST(document)!;
    const field = operation.selectionSet.selections[0] as FieldNode;
    return createLookupDocument(document, operation, field, lookup);
  };

  it("puts the client's selection under the lookup field, aliased to the response key", () => {
    const built = build(`subscription Updated($employeeId: ID) {
      leaveRequestUpdated(employeeId: $employeeId) { id status }
    }`);
    expect(built.responseKey).toBe('leaveRequestUpdated');
    expect(built.clientVariables).toEqual([]);
    expect(built.query.replace(/\s+/g, ' ')).toBe(
      'query Updated($_lookup_id: ID!) { leaveRequestUpdated: leaveRequest(id: $_lookup_id) { id status } }',
    );
  });

  it("keeps the fragments and variables the selection uses, and the client's alias", () => {
    const built = build(`subscription S($on: Date!, $unused: Int) {
      mine: leaveRequestUpdated { ...Parts }
    }
    fragment Parts on LeaveRequest { id employee { ...Who leaveBalances(on: $on) { days } } }
    fragment Who on Employee { firstName }
    fragment Unused on Employee { id }`);
    expect(built.responseKey).toBe('mine');
    expect(built.clientVariables).toEqual(['on']);
    expect(built.query).toContain('mine: leaveRequest(id: $_lookup_id)');
    expect(built.query).toContain('fragment Who on Employee');
    expect(built.query).not.toContain('Unused');
    expect(built.query).not.toContain('$unused');
  });
});

describe('subscription errors', () => {
  const TABLE = new Set<string>(Object.values(ErrorCode));

  it('refuses with a code from the table, naming the reason', () => {
    const { errors } = badSubscription('At most 2.', 'TOO_MANY_SUBSCRIPTIONS');
    expect(errors).toEqual([
      {
        message: 'At most 2.',
        extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_SUBSCRIPTIONS' },
      },
    ]);
  });

  it.each([
    ['a coded GraphQLError', new GraphQLError('No.', { extensions: { code: 'FORBIDDEN' } })],
    ['a domain error', forbidden('No.')],
    ['a code outside the table', new GraphQLError('Odd.', { extensions: { code: 'BAD_REQUEST' } })],
    ['an uncoded GraphQLError', new GraphQLError('select * from secrets')],
    ['any other error', new TypeError('select * from secrets')],
  ])('formats %s with a code from the table and nothing internal', (_what, error) => {
    const formatted = formatThrown(error);
    expect(TABLE.has(String(formatted.extensions?.code))).toBe(true);
    expect(JSON.stringify(formatted)).not.toMatch(/secrets|stack/);
  });

  it('keeps the code and message of a refusal it knows', () => {
    expect(formatThrown(forbidden('No.'))).toMatchObject({
      message: 'No.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(formatThrown(new Error('boom'))).toEqual({
      message: 'Internal error.',
      extensions: { code: 'INTERNAL' },
    });
  });
});

describe('createDeliveryQueue', () => {
  it('delivers in order whatever each resolution takes, once per sequence, skipping nulls', async () => {
    const delays: Record<number, number> = { 1: 30, 2: 0, 3: 10, 4: 0 };
    const queue = createDeliveryQueue({
      resolve: async (e) => {
        await new Promise((resolve) => setTimeout(resolve, delays[e.seq]));
        return e.seq === 3 ? null : { data: { seq: e.seq } };
      },
      maxQueued: 10,
      onOverflow: () => undefined,
    });
    for (const seq of [1, 2, 2, 1, 3, 4]) queue.push(event(seq));
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i += 1) seen.push((await queue.results.next()).value?.data?.seq);
    expect(seen).toEqual([1, 2, 4]);
    await queue.results.return?.();
    expect(queue.closed).toBe(true);
  });

  it('drops a client that falls behind the bound, and only that one', async () => {
    let overflowed = 0;
    const slow = createDeliveryQueue({
      resolve: () => new Promise(() => undefined),
      maxQueued: 3,
      onOverflow: () => (overflowed += 1),
    });
    for (let seq = 1; seq <= 5; seq += 1) slow.push(event(seq));
    expect(overflowed).toBe(1);
    expect(slow.closed).toBe(true);
    expect(await slow.results.next()).toEqual({ value: undefined, done: true });
  });
});

describe('ChannelClients', () => {
  const keyOf = (e: SubscriptionEvent) => e.body.key;
  const otherKeyOf = (e: SubscriptionEvent) => e.body.other;
  /** A client that hears every event, or with `route`, the events of its key. */
  const client = (route?: FeedClient['route']): FeedClient => ({
    ...(route && { route }),
    receive: () => undefined,
    gone: () => false,
    pace: async () => undefined,
    replayFailed: () => undefined,
  });
  const routed = (key: unknown, of = keyOf) => client({ key, of });
  const keyed = (seq: number, body: Record<string, unknown>): SubscriptionEvent => ({
    seq,
    subject: 's',
    body,
  });

  it('hands an event to the clients of its key and to those that hear everything, once each', () => {
    const clients = new ChannelClients();
    const [a1, a2, b, all, unkeyed, other] = [
      routed('a'),
      routed('a'),
      routed('b'),
      client(),
      routed(undefined),
      routed('a', otherKeyOf),
    ];
    for (const c of [a1, a2, b, all, unkeyed, other]) clients.add(c);
    clients.add(a1);
    expect(clients.size).toBe(6);
    expect([...clients.for(keyed(1, { key: 'a' }))]).toEqual([all, unkeyed, a1, a2]);
    expect([...clients.for(keyed(2, { key: 'b', other: 'a' }))]).toEqual([all, unkeyed, b, other]);
    expect([...clients.for(keyed(3, {}))]).toEqual([all, unkeyed]);
  });

  it('forgets a client once, and a key with its last client', () => {
    const clients = new ChannelClients();
    const [a, all] = [routed('a'), client()];
    clients.add(a);
    clients.add(all);
    expect(clients.delete(a)).toBe(true);
    expect(clients.delete(a)).toBe(false);
    expect(clients.size).toBe(1);
    expect([...clients.for(keyed(1, { key: 'a' }))]).toEqual([all]);
    clients.add(a);
    expect([...clients.for(keyed(2, { key: 'a' }))]).toEqual([all, a]);
  });
});

describe('createEventFeed (real NATS)', () => {
  // The gateway is generic: its own stream, made with plain nats.js, not the platform's.
  const id = crypto.randomUUID().slice(0, 8);
  const stream = `GATEWAY_FEED_TEST_${id}`;
  const subject = `feedtest${id}.demo.thing.happened`;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  const publish = (n: number) => js.publish(subject, JSON.stringify({ n }));
  const feed = () =>
    createEventFeed({
      js,
      jsm,
      stream,
      logger: createLogger({ level: 'silent' }),
    });
  /** Joins the feed as a client that records what it receives; resolves with how it leaves. */
  const join = async (f: ReturnType<typeof feed>, seen: number[], after?: number) => {
    const client: FeedClient = {
      receive: (e) => void seen.push(e.seq),
      gone: () => false,
      pace: async () => undefined,
      replayFailed: (error) => {
        throw error;
      },
    };
    await f.join(subject, client, after);
    return () => f.leave(subject, client);
  };
  /** A feed with two clients A and B joined, what each has received, and how each leaves. */
  const twoClients = async () => {
    const f = feed();
    const a: number[] = [];
    const b: number[] = [];
    return { f, a, b, leaveA: await join(f, a), leaveB: await join(f, b) };
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
  };

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL, name: 'feed-test' });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: stream, subjects: [`feedtest${id}.>`] });
  });
  afterAll(async () => {
    await jsm?.streams.delete(stream);
    await nc?.close();
  });

  it('shares one consumer per subject, opened by the first client and closed by the last', async () => {
    const { f, a, b, leaveA, leaveB } = await twoClients();
    expect(f.subjects()).toEqual([subject]);
    const acks = [await publish(1), await publish(2)];
    await until(() => a.length === 2 && b.length === 2);
    expect(a).toEqual(acks.map((ack) => ack.seq));
    expect(b).toEqual(a);
    leaveA();
    expect(f.subjects()).toEqual([subject]);
    leaveB();
    expect(f.subjects()).toEqual([]);
    await f.stop();
  });

  it('replays from a cursor and joins the live events while they are published, without gaps or duplicates', async () => {
    const f = feed();
    const watcher: number[] = [];
    const leaveWatcher = await join(f, watcher);
    const first = await publish(0);
    for (let n = 1; n <= 50; n += 1) await publish(n);
    // Publishing goes on while the late client replays.
    const publishing = (async () => {
      for (let n = 51; n <= 100; n += 1) await publish(n);
    })();
    const late: number[] = [];
    const leaveLate = await join(f, late, first.seq);
    await publishing;
    await until(() => late.length === 100 && watcher.length === 101);
    expect(late).toEqual(watcher.slice(1));
    leaveLate();
    leaveWatcher();
    await f.stop();
  });

  it('releases a client once however often it leaves: the consumer closes with the last client', async () => {
    const { f, a, b, leaveA, leaveB } = await twoClients();
    leaveA();
    leaveA();
    expect(f.subjects()).toEqual([subject]);
    const ack = await publish(1);
    await until(() => b.length === 1);
    // Events reach every client in one pass: had A still been there, it would have it now.
    expect(b).toEqual([ack.seq]);
    expect(a).toEqual([]);
    leaveB();
    expect(f.subjects()).toEqual([]);
    await f.stop();
  });

  it('hands a live event to the clients of its key alone, and to those that hear everything', async () => {
    const f = feed();
    const seen: Record<string, number[]> = { a: [], b: [], all: [] };
    const routed = (name: string): FeedClient => ({
      ...(name !== 'all' && { route: { key: name, of: (e) => e.body.key } }),
      receive: (e) => void seen[name]!.push(e.seq),
      gone: () => false,
      pace: async () => undefined,
      replayFailed: (error) => {
        throw error;
      },
    });
    const clients = ['a', 'b', 'all'].map(routed);
    for (const c of clients) await f.join(subject, c);
    const acks = [];
    for (const key of ['a', 'b', 'a', 'c'])
      acks.push(await js.publish(subject, JSON.stringify({ key })));
    await until(() => seen.all!.length === 4);
    expect(seen).toEqual({
      a: [acks[0]!.seq, acks[2]!.seq],
      b: [acks[1]!.seq],
      all: acks.map((ack) => ack.seq),
    });
    for (const c of clients) f.leave(subject, c);
    expect(f.subjects()).toEqual([]);
    await f.stop();
  });

  it('releases the consumer when its only client leaves in the middle of a replay', async () => {
    const f = feed();
    const first = await publish(0);
    for (let n = 1; n <= 5; n += 1) await publish(n);
    const seen: number[] = [];
    let gone = false;
    let paused!: () => void;
    const pausedOnce = new Promise<void>((resolve) => (paused = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    const client: FeedClient = {
      receive: (e) => void seen.push(e.seq),
      gone: () => gone,
      // The replay waits here after its first event, until the client has left.
      pace: () => {
        paused();
        return resumed;
      },
      replayFailed: (error) => {
        throw error;
      },
    };
    await f.join(subject, client, first.seq);
    await pausedOnce;
    f.leave(subject, client);
    gone = true;
    expect(f.subjects()).toEqual([]);
    resume();
    expect(seen).toEqual([first.seq + 1]);
    await f.stop();
  });
});
