import { EntitySchema } from '@mikro-orm/core';
import { parse } from 'graphql';
import { v7 as uuidv7 } from 'uuid';
import { InboxEntry } from '../../messaging';
import { defineSubgraph } from '../src/subgraph/SubgraphModule';
import { startSubgraph, type SubgraphHarness } from '../../test-support/startSubgraph';
import { waitFor } from '../../test-support/waitFor';

/** What the test job leaves behind: one row per run, written in the run's transaction. */
interface JobTestRun {
  id: string;
  ranAt: Date;
}

const JobTestRun = new EntitySchema<JobTestRun>({
  name: 'JobTestRun',
  tableName: 'jobtest_runs',
  properties: {
    id: { type: 'string', length: 200, primary: true },
    ranAt: { type: 'datetime' },
  },
});

const jobtest = defineSubgraph({
  name: 'jobtest',
  typeDefs: parse('type Query { ping: String }'),
  resolvers: { Query: { ping: () => 'pong' } },
  entities: [JobTestRun],
  jobs: [
    {
      name: 'jobtest.record',
      // Planned at start, already due.
      plan: (now) => [
        { id: 'jobtest.record:first', job: 'jobtest.record', runAt: new Date(now.getTime() - 1) },
      ],
      async run(ctx) {
        ctx.em.persist(ctx.em.create(JobTestRun, { id: ctx.jobId, ranAt: new Date() }));
      },
    },
  ],
});

describe('subgraph runtime with jobs', () => {
  let harness: SubgraphHarness | undefined;

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  const runs = () =>
    harness!.runtime.orm.em.fork().find(JobTestRun, {}, { orderBy: { id: 'asc' } });

  it('runs a due job without NATS, runs one scheduled on demand, and stops cleanly', async () => {
    harness = await startSubgraph(jobtest);
    const { runtime } = harness;
    expect(runtime.scheduler).toBeDefined();

    // The occurrence plan() gave at start runs in the background.
    await waitFor(async () =>
      (await runtime.scheduler!.get('jobtest.record:first'))?.status === 'DONE' ? true : undefined,
    );

    const scheduled = await runtime.scheduler!.schedule({
      id: 'jobtest.record:on-demand',
      job: 'jobtest.record',
      runAt: new Date(Date.now() - 1000),
    });
    expect(scheduled).toBe(true);
    // Whichever ran it, the loop or this call, it ran once.
    await runtime.runDueJobs();
    expect(await runtime.scheduler!.get('jobtest.record:on-demand')).toMatchObject({
      status: 'DONE',
    });
    expect((await runs()).map((run) => run.id)).toEqual([
      'jobtest.record:first',
      'jobtest.record:on-demand',
    ]);
    expect((await harness.gql('{ ping }')).data).toEqual({ ping: 'pong' });

    await runtime.stop();
    expect(runtime.scheduler).toBeUndefined();
    expect(await runtime.runDueJobs()).toBe(0);
    await runtime.start(); // so the harness can stop it as usual
  });

  it('plans the same occurrence again after a restart without running it twice', async () => {
    harness = await startSubgraph(jobtest);
    const { runtime } = harness;
    await waitFor(async () => ((await runs()).length === 1 ? true : undefined));

    await runtime.stop();
    await runtime.start();
    await runtime.runDueJobs();

    expect((await runs()).map((run) => run.id)).toEqual(['jobtest.record:first']);
    expect(await runtime.scheduler!.get('jobtest.record:first')).toMatchObject({
      status: 'DONE',
      attempts: 1,
    });
  });

  it('has no scheduler for a module without jobs', async () => {
    harness = await startSubgraph({ ...jobtest, name: 'jobless', jobs: undefined });
    expect(harness.runtime.scheduler).toBeUndefined();
    expect(await harness.runtime.runDueJobs()).toBe(0);
  });

  describe("pruning the inbox of a module's event consumers", () => {
    const DAY = 86_400_000;
    const consuming = {
      ...jobtest,
      name: 'consuming',
      jobs: undefined,
      eventHandlers: [{ name: 'copies', types: ['>'] as const, handle: async () => {} }],
    };
    const made = (days: number) => uuidv7({ msecs: Date.now() - days * DAY });
    const old = made(40);
    const recent = made(10);
    const inbox = async () =>
      (
        await harness!.runtime.orm.em
          .fork()
          .find(InboxEntry, {}, { orderBy: { consumer: 'asc', eventId: 'asc' } })
      ).map((row) => [row.consumer, row.eventId]);

    it("deletes its consumers' rows of events made before the retention, and no others", async () => {
      harness = await startSubgraph(consuming, { inboxKeepMs: 30 * DAY });
      const processedAt = new Date();
      await harness.runtime.orm.em.fork().insertMany(InboxEntry, [
        { consumer: 'consuming_copies', eventId: old, processedAt },
        { consumer: 'consuming_copies', eventId: recent, processedAt },
        // A dead-letter watcher's rows are keyed by a hash, not an event id: not pruned.
        { consumer: 'consuming_letters', eventId: old, processedAt },
      ]);
      await harness.runtime.scheduler!.schedule({
        id: 'consuming.pruneInbox:now',
        job: 'consuming.pruneInbox',
        runAt: new Date(Date.now() - 1000),
      });
      await harness.runtime.runDueJobs();
      expect(await harness.runtime.scheduler!.get('consuming.pruneInbox:now')).toMatchObject({
        status: 'DONE',
      });
      expect(await inbox()).toEqual([
        ['consuming_copies', recent],
        ['consuming_letters', old],
      ]);
    });

    it('keeps every row when no retention is set', async () => {
      harness = await startSubgraph(consuming);
      expect(harness.runtime.scheduler).toBeUndefined();
    });
  });
});
