import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../../runtime';
import {
  InboxEntry,
  MessagingConfigError,
  OutboxEntry,
  ScheduledJob,
  createScheduler,
  type EventCatalogue,
  type EventEnvelope,
  type JobDefinition,
  type Scheduler,
  type SchedulerOptions,
} from '..';
import { createTestNamespace } from '../testing';
import { Effect, openTestDb, type TestDb } from './support/database';
import { recordingLogger } from './support/recordingLogger';
import { testCatalogue } from './support/things';
import { waitFor } from './support/waitFor';

const HOUR = 3_600_000;
const T0 = new Date('2026-11-20T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A job whose effect is one `effects` row per run, written in the run's transaction. */
const effectJob: JobDefinition = {
  name: 'test.effect',
  async run(ctx) {
    ctx.em.persist(ctx.em.create(Effect, { eventId: ctx.jobId, n: ctx.attempt ?? 0 }));
  },
};

describe('scheduler', () => {
  let database: TestDb;
  /** A replica's connection pool with the scheduler's table. */
  let orm: MikroORM;
  let catalogue: EventCatalogue;
  const ns = createTestNamespace();
  let clock: Date;
  const started: Scheduler[] = [];
  const extraOrms: MikroORM[] = [];

  const openReplicaOrm = async () => {
    const replica = await openDatabase({
      target: database.db.target('scheduler'),
      entities: [OutboxEntry, InboxEntry, Effect, ScheduledJob],
    });
    extraOrms.push(replica);
    return replica;
  };

  beforeAll(async () => {
    database = await openTestDb('scheduler');
    orm = await openReplicaOrm();
    catalogue = testCatalogue();
  });
  afterAll(async () => {
    for (const replica of extraOrms) await replica.close();
    await database?.close();
  });
  beforeEach(async () => {
    clock = T0;
    const em = database.orm.em.fork();
    await em.nativeDelete(Effect, {});
    await em.nativeDelete(OutboxEntry, {});
    await orm.em.fork().nativeDelete(ScheduledJob, {});
  });
  afterEach(async () => {
    for (const scheduler of started.splice(0)) await scheduler.stop();
  });

  const schedulerFor = (options: Partial<SchedulerOptions> = {}) =>
    createScheduler({
      orm,
      jobs: [effectJob],
      namespace: ns,
      subgraph: 'test',
      catalogue,
      logger: recordingLogger(),
      now: () => clock,
      ...options,
    });

  const effects = async (jobId?: string) =>
    database.orm.em.fork().count(Effect, jobId ? { eventId: jobId } : {});

  const outbox = async () =>
    (await database.orm.em.fork().find(OutboxEntry, {})).map(
      (row) => JSON.parse(row.payload) as EventEnvelope,
    );

  it('runs an occurrence whose time is past at once, and marks it DONE', async () => {
    const scheduler = schedulerFor();
    const added = await scheduler.schedule({ id: 'past', job: 'test.effect', runAt: at(-HOUR) });
    expect(added).toBe(true);

    expect(await scheduler.runDue()).toBe(1);

    expect(await effects('past')).toBe(1);
    expect(await scheduler.get('past')).toMatchObject({
      status: 'DONE',
      attempts: 1,
      leaseOwner: scheduler.owner,
      lastError: null,
      finishedAt: T0,
    });
  });

  it('keeps a future occurrence until its time comes', async () => {
    const scheduler = schedulerFor();
    await scheduler.schedule({ id: 'future', job: 'test.effect', runAt: at(HOUR) });

    expect(await scheduler.runDue()).toBe(0);
    clock = at(HOUR - 1);
    expect(await scheduler.runDue()).toBe(0);
    expect(await effects()).toBe(0);
    expect(await scheduler.get('future')).toMatchObject({ status: 'PENDING', attempts: 0 });

    clock = at(HOUR);
    expect(await scheduler.runDue()).toBe(1);
    expect(await effects('future')).toBe(1);
  });

  it('runs an id scheduled twice once', async () => {
    const scheduler = schedulerFor();
    expect(await scheduler.schedule({ id: 'twice', job: 'test.effect', runAt: at(-1) })).toBe(true);
    expect(
      await scheduler.schedule({ id: 'twice', job: 'test.effect', runAt: at(-HOUR), payload: {} }),
    ).toBe(false);

    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    expect(await effects('twice')).toBe(1);
  });

  it('never runs an id again once it is DONE, whatever is scheduled under it later', async () => {
    const scheduler = schedulerFor();
    await scheduler.schedule({ id: 'once', job: 'test.effect', runAt: at(-1) });
    expect(await scheduler.runDue()).toBe(1);

    expect(await scheduler.schedule({ id: 'once', job: 'test.effect', runAt: at(-HOUR) })).toBe(
      false,
    );
    clock = at(24 * HOUR);
    expect(await schedulerFor().runDue()).toBe(0);

    expect(await effects('once')).toBe(1);
    expect(await scheduler.get('once')).toMatchObject({ status: 'DONE', finishedAt: T0 });
  });

  it('refuses an occurrence of a job it does not know, or without a usable id', async () => {
    const scheduler = schedulerFor();
    await expect(
      scheduler.schedule({ id: 'x', job: 'test.unknown', runAt: at(0) }),
    ).rejects.toBeInstanceOf(MessagingConfigError);
    await expect(
      scheduler.schedule({ id: 'x'.repeat(201), job: 'test.effect', runAt: at(0) }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    expect(await scheduler.get('x')).toBeNull();
  });

  it('retries a failing job with growing delays, then marks it FAILED with the last error', async () => {
    let calls = 0;
    const failing: JobDefinition = {
      name: 'test.failing',
      maxAttempts: 3,
      async run(ctx) {
        calls += 1;
        // Written, then rolled back with the failed attempt.
        ctx.em.persist(ctx.em.create(Effect, { eventId: ctx.jobId, n: calls }));
        await ctx.em.flush();
        throw new Error(`boom ${calls}`);
      },
    };
    const logger = recordingLogger();
    const scheduler = schedulerFor({ jobs: [failing], retryDelayMs: 1000, logger });
    await scheduler.schedule({ id: 'fails', job: 'test.failing', runAt: at(0) });

    expect(await scheduler.runDue()).toBe(0);
    expect(await scheduler.get('fails')).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      runAt: at(1000),
      lastError: 'boom 1',
      leaseOwner: null,
    });
    // Not due again before its delay.
    expect(await scheduler.runDue()).toBe(0);
    expect(calls).toBe(1);

    clock = at(1000);
    await scheduler.runDue();
    expect(await scheduler.get('fails')).toMatchObject({
      status: 'PENDING',
      attempts: 2,
      runAt: at(1000 + 2000),
      lastError: 'boom 2',
    });

    clock = at(3000);
    await scheduler.runDue();
    expect(await scheduler.get('fails')).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      lastError: 'boom 3',
      finishedAt: at(3000),
    });

    clock = at(48 * HOUR);
    expect(await scheduler.runDue()).toBe(0);
    expect(calls).toBe(3);
    expect(await effects('fails')).toBe(0);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        details: expect.objectContaining({ jobId: 'fails', err: 'boom 3' }),
      }),
    );
  });

  it('keeps only the effect of the attempt that succeeded', async () => {
    let calls = 0;
    const flaky: JobDefinition = {
      name: 'test.flaky',
      async run(ctx) {
        calls += 1;
        ctx.em.persist(ctx.em.create(Effect, { eventId: ctx.jobId, n: calls }));
        if (calls === 1) throw new Error('first attempt fails');
      },
    };
    const scheduler = schedulerFor({ jobs: [flaky], retryDelayMs: 10 });
    await scheduler.schedule({ id: 'flaky', job: 'test.flaky', runAt: at(0) });
    await scheduler.runDue();
    clock = at(10);
    expect(await scheduler.runDue()).toBe(1);

    expect(await scheduler.get('flaky')).toMatchObject({ status: 'DONE', attempts: 2 });
    const rows = await database.orm.em.fork().find(Effect, { eventId: 'flaky' });
    expect(rows.map((row) => row.n)).toEqual([2]);
  });

  it('runs each of 20 due occurrences once when two replicas race for them', async () => {
    const otherOrm = await openReplicaOrm();
    const replicaA = schedulerFor({ owner: 'replica-a' });
    const replicaB = schedulerFor({ orm: otherOrm, owner: 'replica-b' });
    const ids = Array.from({ length: 20 }, (_, n) => `race-${String(n).padStart(2, '0')}`);
    for (const id of ids) {
      await replicaA.schedule({ id, job: 'test.effect', runAt: at(-1000 + ids.indexOf(id)) });
    }

    const [doneByA, doneByB] = await Promise.all([replicaA.runDue(), replicaB.runDue()]);

    expect(doneByA + doneByB).toBe(20);
    for (const id of ids) {
      expect(await effects(id)).toBe(1);
      expect(await replicaA.get(id)).toMatchObject({ status: 'DONE', attempts: 1 });
    }
    expect(await effects()).toBe(20);
    expect(await replicaA.runDue()).toBe(0);
    expect(await replicaB.runDue()).toBe(0);
  });

  it('takes over, once, an occurrence whose replica died mid-run when its lease ends', async () => {
    const scheduler = schedulerFor({ leaseMs: 60_000 });
    await scheduler.schedule({ id: 'orphan', job: 'test.effect', runAt: at(-HOUR) });
    // As a replica that claimed it and died leaves it: RUNNING, with its lease.
    await orm.em
      .fork()
      .nativeUpdate(
        ScheduledJob,
        { id: 'orphan' },
        { status: 'RUNNING', leaseOwner: 'dead-replica', leaseUntil: at(30_000), attempts: 1 },
      );

    expect(await scheduler.runDue()).toBe(0);
    expect(await effects('orphan')).toBe(0);

    clock = at(30_001);
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    expect(await effects('orphan')).toBe(1);
    expect(await scheduler.get('orphan')).toMatchObject({
      status: 'DONE',
      attempts: 2,
      leaseOwner: scheduler.owner,
    });
  });

  it('runs an occurrence once when its lease ends while the run is still in progress', async () => {
    // Replica A claims and starts; its run stalls until B has taken over and finished.
    let releaseA!: () => void;
    const stalled = new Promise<void>((resolve) => (releaseA = resolve));
    let aStarted!: () => void;
    const aIsRunning = new Promise<void>((resolve) => (aStarted = resolve));
    let runs = 0;
    const slow: JobDefinition = {
      name: 'test.effect',
      async run(ctx) {
        runs += 1;
        if (ctx.attempt === 1) {
          aStarted();
          await stalled;
        }
        ctx.em.persist(ctx.em.create(Effect, { eventId: ctx.jobId, n: runs }));
      },
    };
    const otherOrm = await openReplicaOrm();
    const replicaA = schedulerFor({ jobs: [slow], owner: 'replica-a', leaseMs: 1000 });
    const replicaB = schedulerFor({ jobs: [slow], orm: otherOrm, owner: 'replica-b' });
    await replicaA.schedule({ id: 'contested', job: 'test.effect', runAt: at(0) });

    const runA = replicaA.runDue();
    await aIsRunning;
    clock = at(5000); // A's lease has ended
    const runB = replicaB.runDue();
    // Give B time to reach the row: it must wait for A's transaction, not run beside it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseA();

    const [doneByA, doneByB] = await Promise.all([runA, runB]);
    expect(doneByA + doneByB).toBe(1);
    expect(await effects('contested')).toBe(1);
    expect(await replicaA.get('contested')).toMatchObject({ status: 'DONE' });
  });

  it('runs what was pending after a restart on the same database', async () => {
    const firstOrm = await openReplicaOrm();
    const first = schedulerFor({ orm: firstOrm, owner: 'before-restart' });
    await first.start();
    await first.schedule({ id: 'tomorrow', job: 'test.effect', runAt: at(24 * HOUR) });
    await first.stop();
    await firstOrm.close();
    extraOrms.splice(extraOrms.indexOf(firstOrm), 1);

    clock = at(25 * HOUR);
    const restarted = schedulerFor({ orm: await openReplicaOrm(), pollIntervalMs: 20 });
    started.push(restarted);
    await restarted.start();

    await waitFor('the pending occurrence to run', async () => (await effects('tomorrow')) === 1);
    expect(await restarted.get('tomorrow')).toMatchObject({
      status: 'DONE',
      leaseOwner: restarted.owner,
    });
  });

  it('runs an occurrence scheduled while the loop is running without waiting for the next poll', async () => {
    const scheduler = schedulerFor({ pollIntervalMs: 60_000 });
    started.push(scheduler);
    await scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the loop is asleep for a minute

    await scheduler.schedule({ id: 'now', job: 'test.effect', runAt: at(0) });
    await waitFor('the occurrence to run', async () => (await effects('now')) === 1, 5000);
  });

  it('keeps the next occurrence scheduled through plan()', async () => {
    const day = (date: Date) => date.toISOString().slice(0, 10);
    const daily: JobDefinition = {
      name: 'test.daily',
      plan(now) {
        const next = new Date(`${day(now)}T00:00:00.000Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        return [{ id: `daily:${day(next)}`, job: 'test.daily', runAt: next }];
      },
      async run(ctx) {
        ctx.em.persist(ctx.em.create(Effect, { eventId: ctx.jobId, n: 1 }));
      },
    };
    const scheduler = schedulerFor({ jobs: [daily] });
    await scheduler.start();
    await scheduler.stop();
    expect(await scheduler.get('daily:2026-11-21')).toMatchObject({
      status: 'PENDING',
      runAt: new Date('2026-11-21T00:00:00.000Z'),
    });

    clock = new Date('2026-11-21T00:00:01.000Z');
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.get('daily:2026-11-21')).toMatchObject({ status: 'DONE' });
    expect(await scheduler.get('daily:2026-11-22')).toMatchObject({ status: 'PENDING' });

    // Planning again (a restart) adds nothing that exists.
    await scheduler.start();
    await scheduler.stop();
    expect(await orm.em.fork().count(ScheduledJob, {})).toBe(2);
    expect(await effects()).toBe(1);
  });

  it('commits emitted events and follow-up occurrences with the run, and drops them when it throws', async () => {
    const notified: number[] = [];
    const reporting: JobDefinition = {
      name: 'test.report',
      maxAttempts: 1,
      async run(ctx) {
        const n = Number(ctx.payload.n);
        ctx.emit({ type: 'test.thing.noted', subject: `thing-${n}`, data: { n, version: 1 } });
        ctx.schedule({ id: `${ctx.jobId}:next`, job: 'test.report', runAt: at(HOUR), payload: {} });
        if (ctx.payload.fail) throw new Error('report failed');
      },
    };
    const scheduler = schedulerFor({
      jobs: [reporting],
      onEventsRecorded: () => notified.push(1),
    });
    await scheduler.schedule({
      id: 'report-ok',
      job: 'test.report',
      runAt: at(0),
      payload: { n: 7 },
    });
    await scheduler.schedule({
      id: 'report-bad',
      job: 'test.report',
      runAt: at(0),
      payload: { n: 8, fail: true },
    });

    expect(await scheduler.runDue()).toBe(1);

    const events = await outbox();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'test.thing.noted',
      subject: 'thing-7',
      source: '/subgraphs/test',
      actor: 'system:scheduler',
      data: { n: 7, version: 1 },
    });
    expect(events[0]!.correlationid).toEqual(expect.any(String));
    expect(notified).toHaveLength(1);
    expect(await scheduler.get('report-ok:next')).toMatchObject({ status: 'PENDING' });
    expect(await scheduler.get('report-bad:next')).toBeNull();
    expect(await scheduler.get('report-bad')).toMatchObject({
      status: 'FAILED',
      lastError: 'report failed',
    });
  });

  it('gives each run its own correlation id', async () => {
    const seen: string[] = [];
    const noting: JobDefinition = {
      name: 'test.note',
      async run(ctx) {
        seen.push(ctx.correlationId!);
        ctx.emit({ type: 'test.thing.noted', subject: ctx.jobId, data: { n: 1, version: 1 } });
      },
    };
    const scheduler = schedulerFor({ jobs: [noting] });
    await scheduler.schedule({ id: 'note-1', job: 'test.note', runAt: at(0) });
    await scheduler.schedule({ id: 'note-2', job: 'test.note', runAt: at(0) });
    expect(await scheduler.runDue()).toBe(2);

    const events = await outbox();
    expect(new Set(events.map((event) => event.correlationid)).size).toBe(2);
    expect(events.map((event) => event.correlationid).sort()).toEqual([...seen].sort());
  });
});
