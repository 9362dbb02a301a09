import type { AbstractSqlConnection } from '@mikro-orm/knex';
import {
  InboxEntry,
  eventsStream,
  type EventConsumer,
  type EventConsumerOptions,
  type EventEnvelope,
  type EventHandlerDefinition,
} from '..';
import { sentSql, sqlShape, type SentQuery } from '../../test-support/sqlShape';
import { ensureEventDurable } from '../src/consumer/ensureEventDurable';
import { Effect, effectsHandler, suiteDb } from './support/database';
import { messageCount, suiteNats } from './support/nats';
import { expectEachAppliedOnce } from './support/expectEachAppliedOnce';
import { recordingLogger } from './support/recordingLogger';
import { publishThings } from './support/publishThings';
import { testCatalogue } from './support/things';
import { waitFor, waitForAll } from './support/waitFor';
import { testConsumer } from './support/workers';

const TOTAL = 1000;

describe('durable consumer with an inbox', () => {
  const nats = suiteNats('consumer-test');
  const database = suiteDb('consumer');
  const catalogue = testCatalogue();
  let stream: string;
  let events: EventEnvelope[];

  beforeAll(async () => {
    stream = eventsStream(nats.ns);
    events = await publishThings(database, nats, catalogue, TOTAL);
  });

  /** A consumer of this suite's stream and database; `options` override the defaults. */
  const consumerFor = (
    handler: EventHandlerDefinition,
    options: Partial<EventConsumerOptions> = {},
  ): EventConsumer => testConsumer(database, nats, { handler, catalogue, ...options });

  it('applies each of 1,000 events once across a stop, a killed connection and duplicates', async () => {
    await expectEachAppliedOnce({
      database,
      nats,
      catalogue,
      events,
      handler: effectsHandler,
      batch: 20,
    });
  }, 120_000);

  it('hands back what a stopped consumer had pulled, so a restart waits for no ack_wait', async () => {
    const seen = new Set<string>();
    const consumer = () =>
      consumerFor(
        {
          name: 'handback',
          types: ['test.thing.created'],
          // A little work per event lets the next messages arrive while one is handled.
          handle: async (event) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            seen.add(event.id);
          },
        },
        {
          // Anything left unacked by the first consumer would stay away for ten minutes.
          ackWaitMs: 600_000,
          batch: 50,
        },
      );
    const first = consumer();
    await first.start();
    await waitForAll('a first share of the events', () => seen.size, 100);
    await first.stop();
    const second = consumer();
    await second.start();
    try {
      // TOTAL distinct events (one of them is in the stream twice, under two msgIDs).
      await waitForAll('every event', () => seen.size, TOTAL);
    } finally {
      await second.stop();
    }
    const inbox = await database.orm.em.fork().count(InboxEntry, { consumer: 'test_handback' });
    expect(inbox).toBe(TOTAL);
  }, 300_000);

  /**
   * The consumer's statements as transactions, each the list of what became of its events:
   * `applied` (inbox row and effect, savepoint released), `skipped` (in the inbox already, so
   * no effect), `rolled back` (to its savepoint), or the statements when anything else; a
   * transaction rolled back whole says so.
   */
  function batchesOf(statements: string[]): string[][] {
    const INBOX = 'insert into inbox (1 row) on conflict (consumer, event_id) do nothing';
    const APPLIED = `savepoint trx; ${INBOX}; insert into effects (1 row) returning id; release savepoint trx`;
    const SKIPPED = `savepoint trx; ${INBOX}; release savepoint trx`;
    const transactions: string[][] = [];
    let events: string[][] = [];
    for (const statement of statements) {
      if (statement === 'begin') events = [];
      else if (statement === 'commit') transactions.push(events.map(outcome));
      else if (statement === 'rollback') transactions.push(['the whole batch rolled back']);
      else if (statement === 'savepoint trx' || events.length === 0) events.push([statement]);
      else events.at(-1)!.push(statement);
    }
    function outcome(event: string[]): string {
      const text = event.join('; ');
      if (text === APPLIED) return 'applied';
      if (text === SKIPPED) return 'skipped';
      return event.at(-1) === 'rollback to savepoint trx' ? 'rolled back' : text;
    }
    return transactions;
  }

  it('applies a backlog in batches, and a failure in a batch repeats no other effect', async () => {
    const OFFSET = 100_000; // tells this handler's effects from the first test's
    let failures = 0;
    const logger = recordingLogger();
    const statements: string[] = [];
    const knex = (database.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    // The consumer's transactions only: the test's own reads below run outside any. (Knex
    // names no transaction on the statement that ends one.)
    const record = (query: SentQuery & { __knexTxId?: string }) => {
      const statement = sqlShape(sentSql(query)).replace(/\btrx\d+$/, 'trx');
      if (query.__knexTxId || /^(commit|rollback)$/.test(statement)) statements.push(statement);
    };
    knex.on('query', record);
    const consumer = consumerFor(
      {
        name: 'batched',
        types: ['test.thing.created'],
        async handle(event, { em }) {
          const n = event.data.n as number;
          em.persist(em.create(Effect, { eventId: event.id, n: OFFSET + n }));
          // The first attempt at one event in the middle of the backlog fails.
          if (n === 510 && failures++ === 0) throw new Error('transient failure');
        },
      },
      {
        batch: 25,
        retryDelaysMs: [100],
        logger,
      },
    );
    const applied = () => database.orm.em.fork().find(Effect, { n: { $gte: OFFSET } });
    await consumer.start();
    try {
      await waitForAll('every event', async () => (await applied()).length, TOTAL);
    } finally {
      await consumer.stop();
      knex.removeListener('query', record);
    }
    const rows = await applied();
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(TOTAL);
    expect(failures).toBe(2);
    // The log says what failed: the error itself goes to the logger, whose serializer keeps
    // its type and message (a bare string would be logged as "not an Error").
    const retried = logger.entries.find((entry) => entry.message === 'handler failed; will retry');
    expect(retried?.details.err).toBeInstanceOf(Error);
    expect(retried?.details.err).toMatchObject({ message: 'transient failure' });
    // One transaction per batch, a savepoint per event in it: the failing event rolls back to
    // its own savepoint and the batch commits the rest. One commit per batch rather than per
    // event is what lets a backlog drain quickly.
    const transactions = batchesOf(statements);
    const events = transactions.flat();
    expect(events.filter((e) => e === 'applied')).toHaveLength(TOTAL);
    // The copy of an event the first test published again under another msgID (if it ran).
    const copies = Array((await messageCount(nats.jsm, stream)) - TOTAL).fill('skipped');
    expect(events.filter((e) => e !== 'applied').sort()).toEqual(['rolled back', ...copies]);
    expect(Math.max(...transactions.map((t) => t.length))).toBeLessThanOrEqual(25);
    expect(transactions.length).toBeLessThan(TOTAL / 4);
  }, 300_000);

  it('recreates its durable when it is deleted under it, and applies every event once', async () => {
    const seen = new Set<string>();
    const consumer = consumerFor({
      name: 'recreated',
      types: ['test.thing.created'],
      handle: async (event) => {
        seen.add(event.id);
      },
    });
    await consumer.start();
    try {
      await waitFor('a first event', async () => seen.size > 0, 30_000);
      await nats.jsm.consumers.delete(stream, 'test_recreated');
      await waitForAll('every event', () => seen.size, TOTAL);
    } finally {
      await consumer.stop();
    }
    const info = await nats.jsm.consumers.info(stream, 'test_recreated');
    expect(info.config.durable_name).toBe('test_recreated');
    const inbox = await database.orm.em.fork().count(InboxEntry, { consumer: 'test_recreated' });
    expect(inbox).toBe(TOTAL);
  }, 300_000);

  it('asks JetStream for its durable once, not before every pull', async () => {
    const asked = { info: 0, pulls: 0 };
    const sub = nats.nc.subscribe('$JS.API.CONSUMER.>', {
      callback: (_error, msg) => {
        if (msg.subject === `$JS.API.CONSUMER.INFO.${stream}.test_asks`) asked.info += 1;
        if (msg.subject === `$JS.API.CONSUMER.MSG.NEXT.${stream}.test_asks`) asked.pulls += 1;
      },
    });
    const consumer = consumerFor({
      name: 'asks',
      types: ['test.thing.created'],
      handle: async () => undefined,
    });
    await consumer.start();
    try {
      await waitFor('six pulls', async () => asked.pulls >= 6, 60_000);
    } finally {
      await consumer.stop();
      sub.unsubscribe();
    }
    // Making the durable answers with its info; the pulls share one look of their own.
    expect(asked.info).toBe(1);
  }, 120_000);

  it('asks for the next batch while it applies one, and applies in the order delivered', async () => {
    const pulls = { count: 0 };
    const sub = nats.nc.subscribe(`$JS.API.CONSUMER.MSG.NEXT.${stream}.test_ahead`, {
      callback: () => {
        pulls.count += 1;
      },
    });
    let release = () => {};
    const firstBatchHeld = new Promise<void>((resolve) => (release = resolve));
    const applied: string[] = [];
    const consumer = consumerFor(
      {
        name: 'ahead',
        types: ['test.thing.created'],
        handle: async (event) => {
          if (applied.length === 0) await firstBatchHeld;
          applied.push(event.id);
        },
      },
      { batch: 20 },
    );
    await consumer.start();
    try {
      await waitFor('a second pull while the first is applied', async () => pulls.count >= 2);
      expect(applied).toEqual([]);
      release();
      await waitForAll('every event', () => applied.length, TOTAL);
    } finally {
      release();
      await consumer.stop();
      sub.unsubscribe();
    }
    expect(applied).toEqual(events.map((event) => event.id));
  }, 120_000);

  it("pulls the handler's batchSize at a time, and applies no larger batch", async () => {
    const asked: number[] = [];
    const sub = nats.nc.subscribe(`$JS.API.CONSUMER.MSG.NEXT.${stream}.test_sized`, {
      callback: (_, msg) => {
        asked.push((msg.json() as { batch: number }).batch);
      },
    });
    const batches: number[] = [];
    const consumer = consumerFor({
      name: 'sized',
      types: ['test.thing.created'],
      batchSize: 37,
      handle: async () => {
        batches.push(1);
      },
      handleBatch: async (batch) => {
        batches.push(batch.length);
      },
    });
    await consumer.start();
    try {
      await waitForAll('every event', () => batches.reduce((sum, n) => sum + n, 0), TOTAL);
    } finally {
      await consumer.stop();
      sub.unsubscribe();
    }
    expect(new Set(asked)).toEqual(new Set([37]));
    expect(Math.max(...batches)).toBe(37);
  }, 120_000);

  it('applies an event handed back more often than maxDeliver: the server never drops it', async () => {
    const seen = new Set<string>();
    const handler: EventHandlerDefinition = {
      name: 'handed_back',
      types: ['test.thing.created'],
      maxDeliver: 2,
      handle: async (event) => {
        seen.add(event.id);
      },
    };
    // The durable as the consumer makes it, then three hand-backs of its first events (as a
    // stop, or a failed ack before them, gives): one delivery more than maxDeliver.
    const name = 'test_handed_back';
    await ensureEventDurable({
      jsm: nats.jsm,
      namespace: nats.ns,
      stream,
      name,
      subgraph: 'test',
      handler,
      catalogue,
      ackWaitMs: 30_000,
    });
    const durable = await nats.js.consumers.get(stream, name);
    let first: number | undefined;
    let deliveries = 0;
    for (let round = 0; round < 10 && deliveries < 3; round++) {
      for await (const msg of await durable.fetch({ max_messages: 10, expires: 1000 })) {
        first ??= msg.seq;
        if (msg.seq === first) deliveries = msg.info.deliveryCount;
        msg.nak();
      }
    }
    expect(deliveries).toBe(3);
    const consumer = consumerFor(handler);
    await consumer.start();
    try {
      await waitForAll('every event, the handed-back ones too', () => seen.size, TOTAL);
    } finally {
      await consumer.stop();
    }
  }, 120_000);

  it('creates or updates the durable consumer the handler describes', async () => {
    const consumer = consumerFor(
      {
        name: 'effects',
        types: ['test.thing.created'],
        maxDeliver: 7,
        handle: async () => undefined,
      },
      {
        ackWaitMs: 1500,
      },
    );
    await consumer.start();
    await consumer.stop();
    const { config } = await nats.jsm.consumers.info(stream, 'test_effects');
    expect(config).toMatchObject({
      durable_name: 'test_effects',
      ack_policy: 'explicit',
      // No limit at the server: the consumer dead-letters at the handler's seventh delivery.
      max_deliver: -1,
      ack_wait: 1500 * 1_000_000,
      filter_subject: `${nats.ns.subjectPrefix}hr.test.thing.created`,
    });
  });
});
