import type { MikroORM } from '@mikro-orm/core';
import { type CataloguedDraft, type EventEnvelope, OutboxEntry } from '../../../messaging';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { appendEvent, audit, expiryCutoff, verifyChain } from '../src';
import { AuditEntrySchema } from '../src/entities';
import { PURGED_EVENT } from '../src/events';
import { RETENTION_ACTOR } from '../src/retention';
import { useAuditDatabase } from './db';
import { eventSeries, intactChain, makeEvent, startAudit, type Caller } from './support';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const { purgeExpiredJob } = audit;
const { purgeExpired } = audit.retention;

async function purgeEvents(orm: MikroORM): Promise<EventEnvelope[]> {
  const rows = await orm.em.fork().find(OutboxEntry, { type: PURGED_EVENT });
  return rows.map((row) => JSON.parse(row.payload) as EventEnvelope);
}

describe('retention purge', () => {
  const suite = useAuditDatabase();

  const append = async (events: EventEnvelope[]) => {
    for (const event of events) await appendEvent(suite.orm.em, event);
  };
  const remaining = () =>
    suite.orm.em.fork().find(AuditEntrySchema, {}, { orderBy: { seq: 'asc' } });

  it('deletes the expired head, keeps the chain valid and records the purge in the outbox', async () => {
    await append(eventSeries(10, daysAgo(800)));
    await append(eventSeries(5, daysAgo(30)));
    const before = expiryCutoff(now, 365);
    const result = await purgeExpired(suite.orm, { before });
    const left = await remaining();
    expect(result).toEqual({ before, deleted: 10, firstRemainingId: left[0].id });
    expect(left.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(await verifyChain(suite.orm.em)).toEqual(intactChain(5));

    const [event] = await purgeEvents(suite.orm);
    expect(event).toMatchObject({
      type: PURGED_EVENT,
      source: '/subgraphs/audit',
      actor: RETENTION_ACTOR,
      data: { purgedCount: 10, before: before.toISOString() },
    });
    // The purge comes back as an event, and is audited like any other change.
    const entry = await appendEvent(suite.orm.em, event);
    expect(entry).toMatchObject({
      action: 'PURGE',
      logType: PURGED_EVENT,
      entityType: 'retention',
      subgraph: 'audit',
      actorId: RETENTION_ACTOR,
      seq: 16,
    });
    expect(await verifyChain(suite.orm.em)).toEqual(intactChain(6));
  });

  it("runs daily as the module's job, purging what the retention period no longer covers", async () => {
    expect(audit.jobs).toContain(purgeExpiredJob);
    expect(purgeExpiredJob.plan!(new Date('2026-11-22T10:00:00Z'))).toEqual([
      expect.objectContaining({
        id: 'audit.purgeExpired:2026-11-22',
        runAt: new Date('2026-11-22T02:00:00Z'),
      }),
      expect.objectContaining({
        id: 'audit.purgeExpired:2026-11-23',
        runAt: new Date('2026-11-23T02:00:00Z'),
      }),
    ]);
    await append(eventSeries(4, daysAgo(400)));
    await append(eventSeries(3, daysAgo(10)));
    const drafts: CataloguedDraft[] = [];
    await suite.orm.em.fork().transactional((em) =>
      purgeExpiredJob.run({
        jobId: 'audit.purgeExpired:today',
        runAt: now,
        payload: {},
        em,
        emit: (draft) => drafts.push(draft),
        schedule: () => undefined,
      }),
    );
    expect((await remaining()).map((e) => e.seq)).toEqual([5, 6, 7]);
    expect(drafts).toEqual([
      expect.objectContaining({
        type: PURGED_EVENT,
        data: expect.objectContaining({ purgedCount: 4 }),
      }),
    ]);
  });

  it('still finds tampering after a purge', async () => {
    await append(eventSeries(3, daysAgo(800)));
    await append(eventSeries(3, daysAgo(10)));
    await purgeExpired(suite.orm, { before: daysAgo(365) });
    const [first, second] = await remaining();
    const em = suite.orm.em.fork();
    await em.nativeDelete(AuditEntrySchema, { id: second.id });
    expect((await verifyChain(suite.orm.em)).firstInvalidId).not.toBe(first.id);
    expect((await verifyChain(suite.orm.em)).valid).toBe(false);
  });

  it('removes only a head of the chain when times are out of order', async () => {
    await append(eventSeries(2, daysAgo(800)));
    await append([makeEvent({ time: daysAgo(5) })]);
    // Published late: an old time after a recent one in the chain.
    await append([makeEvent({ time: daysAgo(900) })]);
    const result = await purgeExpired(suite.orm, { before: daysAgo(365) });
    expect(result.deleted).toBe(2);
    expect((await remaining()).map((e) => e.seq)).toEqual([3, 4]);
    expect((await verifyChain(suite.orm.em)).valid).toBe(true);
  });

  it('keeps the newest entry when everything has expired, so the chain goes on', async () => {
    await append(eventSeries(4, daysAgo(800)));
    const result = await purgeExpired(suite.orm, { before: daysAgo(365) });
    expect(result.deleted).toBe(3);
    await append(eventSeries(1, daysAgo(1)));
    expect((await remaining()).map((e) => e.seq)).toEqual([4, 5]);
    expect(await verifyChain(suite.orm.em)).toEqual(intactChain(2));
  });

  it('records a purge of an empty log too', async () => {
    expect(await purgeExpired(suite.orm, { before: daysAgo(400) })).toMatchObject({ deleted: 0 });
    expect((await purgeEvents(suite.orm))[0].data).toMatchObject({ purgedCount: 0 });
  });

  it('refuses a cut-off inside the retention period', async () => {
    await append(eventSeries(2, daysAgo(800)));
    await expect(purgeExpired(suite.orm, { before: daysAgo(364) })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'before',
    });
    await expect(
      purgeExpired(suite.orm, { before: daysAgo(20), retentionDays: 30 }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await purgeExpired(suite.orm, { before: daysAgo(31), retentionDays: 30 })).toMatchObject(
      {
        deleted: 1,
      },
    );
  });
});

describe('purgeAuditLog mutation', () => {
  const PURGE = `mutation Purge($before: DateTime!) {
    purgeAuditLog(input: { before: $before }) { before deleted firstRemainingId }
  }`;
  const audit = suiteHarness(startAudit);

  beforeAll(async () => {
    for (const event of eventSeries(3, daysAgo(700)))
      await appendEvent(audit.runtime.orm.em, event);
    for (const event of eventSeries(2, daysAgo(3))) await appendEvent(audit.runtime.orm.em, event);
  });

  it.each<Caller['role']>(['AUDITOR', 'HR', 'EMPLOYEE', 'FINANCE'])('refuses %s', async (role) => {
    const reply = await audit.gql(PURGE, { before: daysAgo(500).toISOString() }, { role });
    expect(reply.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['not a date-time', 'last year'],
    ['inside the retention period', daysAgo(100).toISOString()],
  ])('refuses a cut-off %s with BAD_USER_INPUT on input.before', async (_what, before) => {
    const reply = await audit.gql(PURGE, { before }, { role: 'ADMIN' });
    expect(reply.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.before',
    });
  });

  it('purges for SYSTEM and records the purge with the caller as actor', async () => {
    const before = daysAgo(500).toISOString();
    const reply = await audit.gql(PURGE, { before }, { role: 'SYSTEM', sub: 'service:scheduler' });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.purgeAuditLog).toMatchObject({ before, deleted: 3 });
    const [event] = await purgeEvents(audit.runtime.orm);
    expect(event).toMatchObject({ actor: 'service:scheduler', data: { purgedCount: 3, before } });
    const chain = await audit.gql('{ verifyAuditChain { valid checked } }', {});
    expect(chain.data!.verifyAuditChain).toEqual({ valid: true, checked: 2 });
  });
});
