import { headers as natsHeaders } from '@nats-io/nats-core';
import {
  DeadLetterHeader,
  OutboxEntry,
  createDeadLetterWatcher,
  deadLetterStream,
  deadLetterSubject,
  draftOf,
  subjectFor,
  type DeadLetter,
  type DeadLetterHandlerDefinition,
  type DeadLetterWatcher,
  type EventEnvelope,
} from '..';
import { openTestDb, type TestDb } from './support/database';
import { openTestNats, type TestNats } from './support/nats';
import { recordingLogger } from './support/recordingLogger';
import { thingEvent } from './support/things';
import { waitFor } from './support/waitFor';

const TYPE = 'test.thing.created';

/** What audit emits for each letter: its event id goes into the data and the correlation id. */
const recorded = (letter: DeadLetter) =>
  draftOf('audit.dead_letter.recorded', letter.id, {
    deadLetterId: letter.id,
    consumer: letter.consumer,
    eventType: letter.type,
    eventId: letter.eventId,
    reason: letter.reason,
    error: letter.error,
    attempts: letter.attempts,
    firstFailedAt: letter.firstFailedAt.toISOString(),
    lastFailedAt: letter.lastFailedAt.toISOString(),
  });

describe('the dead-letter watcher', () => {
  let nats: TestNats;
  let database: TestDb;
  let watcher: DeadLetterWatcher | undefined;
  const logger = recordingLogger();

  beforeEach(async () => {
    nats = await openTestNats('dead-letter-watcher-test');
    database = await openTestDb('watcher');
    logger.entries.length = 0;
  });
  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await database?.close();
    await nats?.close();
  });

  const start = async (handler: DeadLetterHandlerDefinition) => {
    watcher = createDeadLetterWatcher({
      orm: database.orm,
      js: nats.js,
      jsm: nats.jsm,
      namespace: nats.ns,
      // The producer of audit.dead_letter.recorded.
      subgraph: 'audit',
      handler,
      logger,
    });
    await watcher.start();
  };

  /** A dead letter of consumer test_things, as a consumer files an invalid event. */
  const publishLetter = async (payload: string) => {
    const headers = natsHeaders();
    headers.set(DeadLetterHeader.reason, 'EVENT_INVALID');
    headers.set(DeadLetterHeader.error, 'event/id must match pattern');
    headers.set(DeadLetterHeader.consumer, 'test_things');
    headers.set(DeadLetterHeader.subject, subjectFor(TYPE, nats.ns));
    headers.set(DeadLetterHeader.deliveries, '1');
    const subject = deadLetterSubject(nats.ns, 'test_things', TYPE);
    return (await nats.js.publish(subject, payload, { headers })).seq;
  };

  const followUps = async () =>
    (await database.orm.em.fork().find(OutboxEntry, {}, { orderBy: { createdAt: 'asc' } })).map(
      (row) => JSON.parse(row.payload) as EventEnvelope,
    );

  /** Every letter taken and acked: nothing pending or waiting for another try. */
  const settled = async () => {
    const info = await nats.jsm.consumers.info(deadLetterStream(nats.ns), watcher!.name);
    const last = (await nats.jsm.streams.info(deadLetterStream(nats.ns))).state.last_seq;
    return (
      info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq === last
    );
  };

  it('takes the event id of a letter only when it is a UUID', async () => {
    const longId = { ...thingEvent('created', 1), id: 'e'.repeat(300) };
    const valid = thingEvent('created', 2);
    const longSeq = await publishLetter(JSON.stringify(longId));
    const validSeq = await publishLetter(JSON.stringify(valid));
    await start({
      name: 'dead_letters',
      handle: async (letter, { emit }) => emit(recorded(letter)),
    });

    await waitFor('both letters recorded', async () => (await followUps()).length === 2);
    const bySeq = new Map((await followUps()).map((event) => [event.subject, event]));
    expect(bySeq.get(String(longSeq))).toMatchObject({
      correlationid: 'audit_dead_letters',
      data: { eventId: null },
    });
    expect(bySeq.get(String(validSeq))).toMatchObject({
      correlationid: valid.id,
      data: { eventId: valid.id },
    });
    await waitFor('the watcher to ack both', settled);
  });

  it('acks and logs a letter whose follow-up the catalogue refuses, and goes on', async () => {
    const refusedSeq = await publishLetter(JSON.stringify(thingEvent('created', 1)));
    const fine = await publishLetter(JSON.stringify(thingEvent('created', 2)));
    await start({
      name: 'dead_letters',
      async handle(letter, { emit }) {
        const draft = recorded(letter);
        // A follow-up that can never pass the catalogue, whatever the retries.
        emit(
          letter.id === String(refusedSeq)
            ? { ...draft, data: { ...draft.data, attempts: -1 } }
            : draft,
        );
      },
    });

    await waitFor('the watcher to ack both', settled);
    expect((await followUps()).map((event) => event.subject)).toEqual([String(fine)]);
    const refusals = logger.entries.filter((entry) => entry.level === 'error');
    expect(refusals).toEqual([
      expect.objectContaining({
        message: 'dead letter cannot be handled; acked, it stays in HR_DLQ',
        details: expect.objectContaining({ seq: refusedSeq, consumer: 'audit_dead_letters' }),
      }),
    ]);
  });

  it('retries a letter whose handling failed for a passing reason', async () => {
    const seq = await publishLetter(JSON.stringify(thingEvent('created', 1)));
    let calls = 0;
    await start({
      name: 'dead_letters',
      async handle(letter, { emit }) {
        calls += 1;
        if (calls === 1) throw new Error('the database is away');
        emit(recorded(letter));
      },
    });

    await waitFor('the letter recorded on a retry', async () => (await followUps()).length === 1);
    expect((await followUps())[0].subject).toBe(String(seq));
    expect(calls).toBe(2);
  });
});
