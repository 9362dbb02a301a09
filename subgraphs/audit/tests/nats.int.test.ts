import {
  connectNats,
  DeadLetterHeader,
  deadLetterStream,
  ensureStreams,
  type EventEnvelope,
  type Namespace,
  type NatsClients,
  subjectFor,
} from '../../../messaging';
import { createTestNamespace, deleteStreams } from '../../../messaging/testing';
import { createTestDatabase, type TestDatabase } from '../../../test-support/database';
import { waitFor } from '../../../test-support/waitFor';
import { verifyChain } from '../src';
import { AuditEntrySchema } from '../src/entities';
import { PURGED_EVENT } from '../src/events';
import { openAuditDatabase } from './db';
import { eventSeries, intactChain, makeEvent, startAudit, type AuditHarness } from './support';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

describe('audit log fed by NATS', () => {
  let db: TestDatabase;
  let nats: NatsClients;
  let namespace: Namespace;
  let audit: AuditHarness | undefined;

  beforeEach(async () => {
    db = await createTestDatabase();
    nats = await connectNats({ servers: NATS_URL, name: 'audit-test', waitOnFirstConnect: false });
    namespace = createTestNamespace();
    await ensureStreams(nats.jsm, namespace);
  });
  afterEach(async () => {
    await audit?.runtime.stop();
    audit = undefined;
    await deleteStreams(nats.jsm, namespace);
    await nats.nc.close();
    await db.drop();
  });

  const start = async () => {
    audit = await startAudit({ db, messaging: { js: nats.js, jsm: nats.jsm, namespace } });
    return audit;
  };
  const publish = (event: EventEnvelope, msgID = event.id) =>
    nats.js.publish(subjectFor(event.type, namespace), JSON.stringify(event), { msgID });
  const countEntries = () => audit!.runtime.orm.em.fork().count(AuditEntrySchema, {});
  const countAfterStop = async () => {
    const orm = await openAuditDatabase(db);
    try {
      return await orm.em.fork().count(AuditEntrySchema, {});
    } finally {
      await orm.close();
    }
  };
  const untilCount = (n: number, timeoutMs = 30_000) =>
    waitFor(async () => ((await countEntries()) >= n ? true : undefined), timeoutMs, 50);

  it('records each published event exactly once, across a consumer restart', async () => {
    // More than the two pulls of 500 a consumer may hold, so the stop falls midway.
    const total = 2000;
    const events = eventSeries(total, new Date('2025-05-01T00:00:00Z'));
    for (const event of events) await publish(event);
    // The same event again, once deduplicated by the server and once past it.
    await publish(events[0]);
    await publish(events[1], `${events[1].id}-again`);

    await start();
    await untilCount(200);
    await audit!.runtime.stop();
    const midway = await countAfterStop();
    expect(midway).toBeGreaterThanOrEqual(200);
    expect(midway).toBeLessThan(total);
    audit = undefined;

    await start();
    await untilCount(total, 150_000);
    // Anything left over would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await audit!.runtime.orm.em
      .fork()
      .find(AuditEntrySchema, {}, { orderBy: { seq: 'asc' } });
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r.seq)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.eventId))).toEqual(new Set(events.map((e) => e.id)));
    expect(await verifyChain(audit!.runtime.orm.em)).toEqual(intactChain(total));
  }, 180_000);

  it('sends an event that fails its schema to the dead letters and goes on', async () => {
    const poison = makeEvent({ data: { employeeId: 'not-a-uuid' } });
    const [before, after] = eventSeries(2, new Date('2025-05-02T00:00:00Z'));
    await publish(before);
    await publish(poison);
    await publish(after);
    await start();
    await untilCount(2);

    const letter = await waitFor(async () => {
      const info = await nats.jsm.streams.info(deadLetterStream(namespace));
      if (info.state.messages < 1) return undefined;
      const stored = await nats.jsm.streams.getMessage(deadLetterStream(namespace), {
        seq: info.state.first_seq,
      });
      return stored ?? undefined;
    });
    expect(letter.header.get(DeadLetterHeader.reason)).toBe('EVENT_INVALID');
    expect(letter.header.get(DeadLetterHeader.consumer)).toBe('audit_audit_log');
    expect(letter.header.get(DeadLetterHeader.error)).toMatch(/employeeId|required/);
    expect(JSON.parse(letter.string()).id).toBe(poison.id);

    // The dead letter itself is recorded too, as audit.dead_letter.recorded.
    await untilCount(3);
    const rows = await audit!.runtime.orm.em.fork().find(AuditEntrySchema, {});
    const recorded = rows.filter((r) => r.logType === 'audit.dead_letter.recorded');
    expect(recorded.map((r) => r.entityId)).toEqual([String(letter.seq)]);
    const others = rows.filter((r) => r.logType !== 'audit.dead_letter.recorded');
    expect(others.map((r) => r.eventId).sort()).toEqual([before.id, after.id].sort());
  });

  it('records the dead letter of an event whose id is too long, without that id', async () => {
    // The id fails the envelope; copied into audit's own event it would fail the catalogue too.
    const longId = { ...makeEvent(), id: 'e'.repeat(300) };
    const [after] = eventSeries(1, new Date('2025-05-03T00:00:00Z'));
    await publish(longId, 'long-id');
    await publish(after);
    await start();

    await untilCount(2);
    const rows = await audit!.runtime.orm.em.fork().find(AuditEntrySchema, {});
    const recorded = rows.find((r) => r.logType === 'audit.dead_letter.recorded');
    expect(recorded?.newValues).toMatchObject({ consumer: 'audit_audit_log', eventId: null });
    expect(recorded?.correlationId).toBe('audit_dead_letters');
    expect(rows.filter((r) => r !== recorded).map((r) => r.eventId)).toEqual([after.id]);
  });

  it('audits its own purge through the stream', async () => {
    const old = eventSeries(3, new Date(Date.now() - 800 * 24 * 3600 * 1000));
    for (const event of old) await publish(event);
    await start();
    await untilCount(3);
    const reply = await audit!.gql(
      'mutation($b: DateTime!) { purgeAuditLog(input: { before: $b }) { deleted } }',
      { b: new Date(Date.now() - 400 * 24 * 3600 * 1000).toISOString() },
      { role: 'ADMIN' },
    );
    expect(reply.data).toEqual({ purgeAuditLog: { deleted: 2 } });
    const purge = await waitFor(() =>
      audit!.runtime.orm.em
        .fork()
        .findOne(AuditEntrySchema, { logType: PURGED_EVENT })
        .then((e) => e ?? undefined),
    );
    expect(purge).toMatchObject({ action: 'PURGE', subgraph: 'audit', seq: 4 });
    expect(purge.newValues).toMatchObject({ purgedCount: 2 });
    expect(await verifyChain(audit!.runtime.orm.em)).toEqual(intactChain(2));
  });
});
