import { JetStreamApiError } from '@nats-io/jetstream';
import {
  connectNats,
  deadLetterStream,
  ensureStreams,
  eventsStream,
  MessagingConfigError,
  type NatsClients,
} from '..';
import { createTestNamespace, deleteStreams } from '../testing';
import { messageCount, NATS_URL } from './support/nats';
import { waitFor } from './support/waitFor';

const DAY_MS = 86_400_000;

describe('ensureStreams', () => {
  const ns = createTestNamespace();
  let nats: NatsClients;

  beforeAll(async () => {
    nats = await connectNats({
      servers: NATS_URL,
      name: 'streams-test',
      waitOnFirstConnect: false,
    });
  });
  afterAll(async () => {
    await deleteStreams(nats.jsm, ns);
    await nats?.nc.close();
  });

  it('creates both streams, again without harm, and updates the duplicate window', async () => {
    await ensureStreams(nats.jsm, ns);
    await ensureStreams(nats.jsm, ns);
    const events = await nats.jsm.streams.info(eventsStream(ns));
    expect(events.config).toMatchObject({
      subjects: [`${ns.subjectPrefix}hr.>`],
      storage: 'file',
      retention: 'limits',
      duplicate_window: 120_000 * 1_000_000,
    });
    const dlq = await nats.jsm.streams.info(deadLetterStream(ns));
    expect(dlq.config).toMatchObject({ subjects: [`${ns.subjectPrefix}hrdlq.>`], storage: 'file' });

    await ensureStreams(nats.jsm, ns, { duplicateWindowMs: 30_000 });
    const updated = await nats.jsm.streams.info(eventsStream(ns));
    expect(updated.config.duplicate_window).toBe(30_000 * 1_000_000);
  });

  it('applies the configured replicas and limits, to an existing stream too, and lifts them again', async () => {
    await ensureStreams(nats.jsm, ns);
    await ensureStreams(nats.jsm, ns, {
      replicas: 1,
      maxAgeMs: 30 * DAY_MS,
      maxBytes: 2 * 1024 ** 3,
    });
    const events = await nats.jsm.streams.info(eventsStream(ns));
    expect(events.config).toMatchObject({
      num_replicas: 1,
      max_age: 30 * DAY_MS * 1_000_000,
      max_bytes: 2 * 1024 ** 3,
      discard: 'old',
    });
    // Dead letters wait for a person: no age limit, and a full stream refuses new ones.
    const dlq = await nats.jsm.streams.info(deadLetterStream(ns));
    expect(dlq.config).toMatchObject({
      num_replicas: 1,
      max_age: 0,
      max_bytes: Math.floor((2 * 1024 ** 3) / 10),
      discard: 'new',
    });

    await ensureStreams(nats.jsm, ns);
    const lifted = await nats.jsm.streams.info(eventsStream(ns));
    expect(lifted.config).toMatchObject({ max_age: 0, max_bytes: -1 });
    expect((await nats.jsm.streams.info(deadLetterStream(ns))).config.max_bytes).toBe(-1);
  });

  it('refuses, on an existing stream too, an event too large to be dead-lettered whole', async () => {
    const bounded = createTestNamespace();
    try {
      // As an older version left the stream: no bound on one event.
      await ensureStreams(nats.jsm, bounded, { maxEventBytes: -1 });
      await ensureStreams(nats.jsm, bounded);
      const info = await nats.jsm.streams.info(eventsStream(bounded));
      // 1 MiB (NATS's max_payload) less room for a dead letter's headers.
      expect(info.config.max_msg_size).toBe(1024 ** 2 - 8 * 1024);
      const subject = `${bounded.subjectPrefix}hr.test.thing.created`;
      const refused = await nats.js
        .publish(subject, 'x'.repeat(1_048_276))
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(JetStreamApiError);
      expect((refused as JetStreamApiError).message).toMatch(/exceeds maximum/);
      await nats.js.publish(subject, 'x'.repeat(1_040_000));
      expect(await messageCount(nats.jsm, eventsStream(bounded))).toBe(1);
    } finally {
      await deleteStreams(nats.jsm, bounded);
    }
  });

  it('drops events older than the max age, and a new consumer starts past them', async () => {
    const aging = createTestNamespace();
    await ensureStreams(nats.jsm, aging, { maxAgeMs: 1000 });
    try {
      const stream = eventsStream(aging);
      await nats.js.publish(`${aging.subjectPrefix}hr.test.thing.created`, '{}');
      expect(await messageCount(nats.jsm, stream)).toBe(1);
      await waitFor(
        'the event to age out',
        async () => (await messageCount(nats.jsm, stream)) === 0,
      );
      const info = await nats.jsm.streams.info(stream);
      // The sequence goes on: a consumer starting at the beginning starts after the lost event.
      expect(info.state).toMatchObject({ messages: 0, last_seq: 1, first_seq: 2 });
    } finally {
      await deleteStreams(nats.jsm, aging);
    }
  });

  it('says which stream NATS refused and why when it cannot keep the replicas asked for', async () => {
    const clustered = createTestNamespace();
    const error = await ensureStreams(nats.jsm, clustered, { replicas: 3 }).catch(
      (e: unknown) => e,
    );
    await deleteStreams(nats.jsm, clustered);
    expect(error).toBeInstanceOf(MessagingConfigError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^NATS refused stream ${eventsStream(clustered)} with 3 replica\\(s\\): .*replicas`,
      ),
    );
  });

  it('deletes both streams, and accepts streams that are already gone', async () => {
    await ensureStreams(nats.jsm, ns);
    await deleteStreams(nats.jsm, ns);
    await deleteStreams(nats.jsm, ns);
    await expect(nats.jsm.streams.info(eventsStream(ns))).rejects.toThrow(JetStreamApiError);
    await expect(nats.jsm.streams.info(deadLetterStream(ns))).rejects.toThrow(JetStreamApiError);
  });
});
