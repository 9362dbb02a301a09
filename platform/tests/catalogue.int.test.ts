import { Writable } from 'node:stream';
import {
  createEvent,
  deadLetterStream,
  type EventEnvelope,
  InboxEntry,
  loadCatalogue,
  subjectFor,
} from '../../messaging';
import { createLogger } from '../../runtime';
import { catalogueSamples } from '../../test-support/catalogueSamples';
import { contractOperation as op } from '../../test-support/contractOperation';
import { natsSuite } from '../../test-support/natsSuite';
import { platformSuite } from '../../test-support/platformSuite';
import { waitFor } from '../../test-support/waitFor';

const catalogue = loadCatalogue();
const auditor = { role: 'AUDITOR' as const, sub: 'service:auditor' };

/** The entity an event is about: its first `…Id` field, as producers do. */
const subjectOf = (data: Record<string, unknown>) =>
  String(Object.entries(data).find(([key, value]) => /Id$/.test(key) && value)?.[1] ?? 'sample');

/** The warnings of consumers whose handler failed, read from the platform's log lines. */
function failureLog() {
  const failures: { eventId?: string; type?: string; consumer?: string; err?: string }[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line);
        if (/handler failed|dead-lettered/.test(entry.msg)) failures.push(entry);
      }
      done();
    },
  });
  return { failures, logger: createLogger({ level: 'warn', destination }) };
}

// Every type and version of the catalogue, former names included, with data generated from
// its schema, goes through the real NATS to every consumer the catalogue names for it.
describe('the whole event catalogue on the platform', () => {
  const log = failureLog();
  const tp = platformSuite({ logger: log.logger });
  const nats = natsSuite('catalogue-test');

  const publish = async (event: EventEnvelope) => {
    await nats.js.publish(subjectFor(event.type, tp.namespace), JSON.stringify(event), {
      msgID: event.id,
      // A busy machine may take longer than the 5 s default to acknowledge a publish.
      timeout: 60_000,
    });
  };

  const recorded = async (subgraph: string, ids: string[]) => {
    const rows = await tp.platform.runtimes[subgraph].orm.em
      .fork()
      .find(InboxEntry, { eventId: { $in: ids } });
    return new Set(rows.map((row) => row.eventId));
  };

  const deadLetters = async () =>
    (await nats.jsm.streams.info(deadLetterStream(tp.namespace))).state.messages;

  it('applies a generated sample of every contract in every consumer it names, with no dead letter', async () => {
    const samples = catalogueSamples(catalogue);
    const events = [...samples].map(([contract, data]) =>
      createEvent(
        {
          type: contract.type,
          subject: subjectOf(data),
          data,
          dataversion: contract.version,
        },
        { source: `/subgraphs/${contract.producer}`, correlationId: `catalogue-${contract.type}` },
      ),
    );
    expect(events.length).toBe(catalogue.contracts().length);
    for (const event of events) await publish(event);

    const expected = events.flatMap((event) =>
      catalogue.get(event.type, event.dataversion)!.consumers.map((consumer) => ({
        consumer,
        event,
      })),
    );
    const missing = async () => {
      const byConsumer = new Map<string, Set<string>>();
      for (const consumer of new Set(expected.map((item) => item.consumer))) {
        byConsumer.set(
          consumer,
          await recorded(
            consumer,
            events.map((event) => event.id),
          ),
        );
      }
      return expected
        .filter(({ consumer, event }) => !byConsumer.get(consumer)!.has(event.id))
        .map(({ consumer, event }) => `${consumer} ← ${event.type}`);
    };
    // Done when every consumer has it, or as soon as a handler fails on one.
    await waitFor(
      async () => ((await missing()).length === 0 || log.failures.length > 0 ? true : undefined),
      60_000,
      200,
    );
    expect(log.failures.map(({ type, consumer, err }) => ({ type, consumer, err }))).toEqual([]);
    expect(await missing()).toEqual([]);
    expect(await deadLetters()).toBe(0);
  });

  it('reads an event published under a former name as the new type', async () => {
    const correlationId = `former-${Date.now()}`;
    const data = catalogueSamples(catalogue).get(catalogue.get('attendance.checked_in', 1)!)!;
    const old = createEvent(
      { type: 'attendance.checked_in', subject: String(data.entryId), data },
      { source: '/subgraphs/attendance', correlationId },
    );
    await publish(old);
    const entries = await waitFor(async () => {
      const { data: found } = await tp.graphql(
        op('AuditLogs'),
        { filter: { correlationId }, first: 5 },
        auditor,
      );
      return found?.auditLogs.nodes.length ? found.auditLogs.nodes : undefined;
    });
    expect(entries).toEqual([
      expect.objectContaining({
        logType: 'attendance.check_in.recorded',
        entityType: 'attendance_entry',
        entityId: data.entryId,
        subgraph: 'attendance',
      }),
    ]);
    expect(await deadLetters()).toBe(0);
  });
});
