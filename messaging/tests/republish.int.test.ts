import {
  ensureStreams,
  eventsStream,
  InboxEntry,
  OutboxEntry,
  republishOutbox,
  type EventConsumer,
  type EventEnvelope,
} from '..';
import { deleteStreams } from '../testing';
import { Effect, suiteDb } from './support/database';
import { messageCount, suiteNats } from './support/nats';
import { publishThings } from './support/publishThings';
import { recordingLogger } from './support/recordingLogger';
import { testCatalogue } from './support/things';
import { waitFor } from './support/waitFor';
import { testConsumer } from './support/workers';

const TOTAL = 20;
/** What the `copies` handler adds to `n`, to tell its effects from those of `effects`. */
const COPY = 1000;
/** The shortest duplicate window JetStream takes. */
const WINDOW_MS = 100;

describe('republishing published outbox rows', () => {
  const nats = suiteNats('republish-test');
  const database = suiteDb('republish');
  const catalogue = testCatalogue();
  const logger = recordingLogger();
  let events: EventEnvelope[];
  let stream: string;
  let range: { from: Date; to: Date };

  beforeAll(async () => {
    stream = eventsStream(nats.ns);
    const from = new Date(Date.now() - 1);
    events = await publishThings(database, nats, catalogue, TOTAL);
    range = { from, to: new Date(Date.now() + 1) };
  });

  const republish = () =>
    republishOutbox({ orm: database.orm, js: nats.js, namespace: nats.ns, ...range, batchSize: 7 });

  /** A consumer that writes one Effect per event, `n + offset`. */
  const consumer = (name: string, offset: number): EventConsumer =>
    testConsumer(database, nats, {
      catalogue,
      logger,
      handler: {
        name,
        types: ['test.thing.created'],
        async handle(event, { em }) {
          em.persist(
            em.create(Effect, { eventId: event.id, n: (event.data.n as number) + offset }),
          );
        },
      },
    });

  /** Runs the consumers until each has taken every message of the stream. */
  async function runToEnd(...consumers: EventConsumer[]): Promise<void> {
    const last = (await nats.jsm.streams.info(stream)).state.last_seq;
    for (const c of consumers) await c.start();
    try {
      await waitFor('the consumers to reach the end of the stream', async () => {
        for (const c of consumers) {
          const info = await nats.jsm.consumers.info(stream, c.name);
          if (info.delivered.stream_seq < last || info.num_ack_pending > 0) return false;
        }
        return true;
      });
    } finally {
      for (const c of consumers) await c.stop();
    }
  }

  /** How many times each event took effect in the handler whose effects start at `offset`. */
  async function appliedCounts(offset: number): Promise<number[]> {
    const rows = await database.orm.em.fork().find(Effect, {});
    return events.map(
      (event) =>
        rows.filter((row) => row.eventId === event.id && row.n >= offset && row.n < offset + COPY)
          .length,
    );
  }

  const once = Array<number>(TOTAL).fill(1);

  it('keeps published rows, and republishes none of another time range', async () => {
    expect(await database.orm.em.fork().count(OutboxEntry, { sentAt: { $ne: null } })).toBe(TOTAL);
    const before = await republishOutbox({
      orm: database.orm,
      js: nats.js,
      namespace: nats.ns,
      from: new Date(range.from.getTime() - 3_600_000),
      to: range.from,
    });
    expect(before).toEqual({ published: 0, duplicates: 0 });
  });

  it('is dropped by JetStream while the stream still holds the events (duplicate window)', async () => {
    expect(await republish()).toEqual({ published: TOTAL, duplicates: TOTAL });
    expect(await messageCount(nats.jsm, stream)).toBe(TOTAL);
  });

  it('gives back lost events: each takes effect once in every consumer, and a second run changes nothing', async () => {
    await runToEnd(consumer('effects', 0));
    expect(await appliedCounts(0)).toEqual(once);

    // The stream is lost and made again, empty; its duplicate window remembers nothing, so
    // the inboxes alone must keep a consumer from applying an event twice.
    await deleteStreams(nats.jsm, nats.ns);
    await ensureStreams(nats.jsm, nats.ns, { duplicateWindowMs: WINDOW_MS });
    expect(await messageCount(nats.jsm, stream)).toBe(0);

    expect(await republish()).toEqual({ published: TOTAL, duplicates: 0 });
    const republished = Date.now();
    expect(await messageCount(nats.jsm, stream)).toBe(TOTAL);
    // `effects` had applied them all; `copies` is new, as a copy rebuilt after the loss is.
    await runToEnd(consumer('effects', 0), consumer('copies', COPY));
    expect(await appliedCounts(0)).toEqual(once);
    expect(await appliedCounts(COPY)).toEqual(once);
    const skipped = logger.entries
      .filter((entry) => entry.message?.startsWith('event already applied'))
      .map((entry) => entry.details.eventId);
    expect(skipped.sort()).toEqual(events.map((event) => event.id).sort());

    // Again, once the stream has forgotten the ids: it takes every event a second time…
    await waitFor('the duplicate window to pass', () => Date.now() > republished + WINDOW_MS);
    expect(await republish()).toEqual({ published: TOTAL, duplicates: 0 });
    expect(await messageCount(nats.jsm, stream)).toBe(2 * TOTAL);
    await runToEnd(consumer('effects', 0), consumer('copies', COPY));
    // …and no consumer applies any of them again.
    expect(await appliedCounts(0)).toEqual(once);
    expect(await appliedCounts(COPY)).toEqual(once);
    const inbox = await database.orm.em.fork().find(InboxEntry, {});
    expect(inbox).toHaveLength(2 * TOTAL);
  });
});
