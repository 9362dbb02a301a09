import { JetStreamApiError } from '@nats-io/jetstream';
import { connectNats, deadLetterStream, ensureStreams, eventsStream, type NatsClients } from '..';
import { createTestNamespace, deleteStreams } from '../testing';
import { NATS_URL } from './support/nats';

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

  it('deletes both streams, and accepts streams that are already gone', async () => {
    await ensureStreams(nats.jsm, ns);
    await deleteStreams(nats.jsm, ns);
    await deleteStreams(nats.jsm, ns);
    await expect(nats.jsm.streams.info(eventsStream(ns))).rejects.toThrow(JetStreamApiError);
    await expect(nats.jsm.streams.info(deadLetterStream(ns))).rejects.toThrow(JetStreamApiError);
  });
});
