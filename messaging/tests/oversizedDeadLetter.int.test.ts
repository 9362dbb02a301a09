import {
  DeadLetterError,
  DeadLetterHeader,
  deadLetterStream,
  ensureStreams,
  eventsStream,
  getDeadLetter,
  replayDeadLetter,
  subjectFor,
  type EventConsumer,
} from '..';
import { Effect, effectsHandler, openTestDb, type TestDb } from './support/database';
import { messageCount, openTestNats, readStream, type TestNats } from './support/nats';
import { recordingLogger } from './support/recordingLogger';
import { testCatalogue, thingEvent } from './support/things';
import { waitFor } from './support/waitFor';
import { testConsumer } from './support/workers';

// What the hostile-input sweep sent: with the dead-letter headers it exceeds max_payload.
const OVERSIZED = 1_048_276;

describe('a dead letter too large to copy whole', () => {
  let nats: TestNats;
  let database: TestDb;
  let consumer: EventConsumer;
  const logger = recordingLogger();
  let oversizedSeq = 0;

  beforeAll(async () => {
    nats = await openTestNats('oversized-dead-letter-test');
    // A stream from before events were bounded (or beside a larger max_payload) takes it.
    await ensureStreams(nats.jsm, nats.ns, { maxEventBytes: -1 });
    database = await openTestDb('oversized');
    consumer = testConsumer(database, nats, {
      nc: nats.nc,
      catalogue: testCatalogue(),
      retryDelaysMs: [20],
      logger,
      handler: { ...effectsHandler(), maxDeliver: 5 },
    });
    const created = subjectFor('test.thing.created', nats.ns);
    oversizedSeq = (await nats.js.publish(created, 'x'.repeat(OVERSIZED))).seq;
    await consumer.start();
  });
  afterAll(async () => {
    await consumer?.stop();
    await database?.close();
    await nats?.close();
  });

  /** Dead-lettered, or at its last delivery: the consumer has done all it will with it. */
  const givenUp = async () => {
    const letters = await messageCount(nats.jsm, deadLetterStream(nats.ns));
    const info = await nats.jsm.consumers.info(eventsStream(nats.ns), consumer.name);
    return letters === 1 || info.delivered.consumer_seq >= 5;
  };

  it('dead-letters it without its payload, pointing at the event, and goes on', async () => {
    await waitFor('the consumer to give up on the oversized event', givenUp, 30_000);
    await nats.js.publish(
      subjectFor('test.thing.created', nats.ns),
      JSON.stringify(thingEvent('created', 1)),
    );
    const applied = async () => (await database.orm.em.fork().count(Effect, { n: 1 })) === 1;
    await waitFor('the event after the oversized one to be applied', applied, 30_000);

    const [letter] = await readStream(nats.jsm, deadLetterStream(nats.ns));
    expect(letter.data).toHaveLength(0);
    expect(letter.header.get(DeadLetterHeader.payloadOmitted)).toBe(String(OVERSIZED));
    expect(letter.header.get(DeadLetterHeader.stream)).toBe(eventsStream(nats.ns));
    expect(letter.header.get(DeadLetterHeader.streamSequence)).toBe(String(oversizedSeq));
    expect(letter.header.get(DeadLetterHeader.error)).toBe(
      `The event (${OVERSIZED} bytes) is too large for a dead letter; it stays in ` +
        `${eventsStream(nats.ns)} at sequence ${oversizedSeq}. The payload is not JSON.`,
    );

    const clients = { ...nats, namespace: nats.ns };
    expect(await getDeadLetter(clients, String(letter.seq))).toMatchObject({
      reason: 'EVENT_INVALID',
      eventId: null,
      event: null,
      rawPayload: null,
    });
    const replay = await replayDeadLetter(clients, String(letter.seq)).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(DeadLetterError);
    expect((replay as DeadLetterError).problem).toBe('REPLAY_FAILED');
    // Still there: it is for a person to discard.
    expect(await getDeadLetter(clients, String(letter.seq))).not.toBeNull();
  });

  it('logs why it dead-lettered the event as text', () => {
    const line = logger.entries.find((entry) => entry.message === 'event dead-lettered');
    expect(line?.details).toMatchObject({ reason: 'EVENT_INVALID' });
    expect(line?.details.error).toMatch(/The payload is not JSON\.$/);
    expect(line?.details).not.toHaveProperty('err');
  });
});
