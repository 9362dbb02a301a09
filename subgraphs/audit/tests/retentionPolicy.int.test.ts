import type { EntityManager } from '@mikro-orm/knex';
import type { EventEnvelope } from '../../../messaging';
import { appendEvent, audit } from '../src';
import { AuditEntrySchema, PolicyCopySchema } from '../src/entities';
import { useAuditDatabase } from './db';
import { eventSeries, makeEvent, startAudit } from './support';
import { asHandled } from '../../../test-support/startSubgraph';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const inDays = (days: number) => new Date(now.getTime() + days * DAY);
const retentionPolicy = audit.retention.policy;
const { purgeExpiredJob } = audit;

/** compliance.policy.updated as compliance publishes it. */
const policyUpdated = (kind: string, version: number, effectiveFrom: Date, rules: object) =>
  makeEvent({
    type: 'compliance.policy.updated',
    subject: `${kind}:DEFAULT`,
    source: '/subgraphs/compliance',
    data: {
      kind,
      key: 'DEFAULT',
      version,
      effectiveFrom: effectiveFrom.toISOString(),
      rules,
      previous: rules,
      reason: null,
    },
  });

describe("the retention purge under compliance's RETENTION policy", () => {
  const suite = useAuditDatabase();

  const hear = (event: EventEnvelope) =>
    suite.orm.em
      .fork()
      .transactional((em) =>
        retentionPolicy.handler.handle(asHandled(event) as never, { em, emit: () => {} }),
      );
  const remaining = async () =>
    (await suite.orm.em.fork().find(AuditEntrySchema, {}, { orderBy: { seq: 'asc' } })).map(
      (e) => e.seq,
    );
  const runPurge = (runAt: Date) =>
    suite.orm.em.fork().transactional((em) =>
      purgeExpiredJob.run({
        jobId: `audit.purgeExpired:${runAt.toISOString()}`,
        runAt,
        payload: {},
        em: em as EntityManager,
        emit: () => undefined,
        schedule: () => undefined,
      }),
    );

  it('hears the policy as a consumer of the module', () => {
    expect(audit.eventHandlers).toContain(retentionPolicy.handler);
    expect(retentionPolicy.handler.types).toEqual(['compliance.policy.updated']);
  });

  it('keeps RETENTION_DAYS until a version comes into force, then keeps to the version', async () => {
    for (const event of [
      ...eventSeries(3, daysAgo(400)),
      ...eventSeries(2, daysAgo(60)),
      ...eventSeries(2, daysAgo(10)),
    ])
      await appendEvent(suite.orm.em, event);
    const thirtyDays = policyUpdated('RETENTION', 2, inDays(5), { auditRetentionDays: 30 });
    await hear(thirtyDays);
    await hear(thirtyDays);
    // Other kinds are not audit's to keep.
    await hear(policyUpdated('ATTENDANCE', 2, daysAgo(1), { graceMinutes: 5 }));
    expect(await suite.orm.em.fork().count(PolicyCopySchema, {})).toBe(1);

    await runPurge(now);
    expect(await remaining()).toEqual([4, 5, 6, 7]);

    // Six days on, the 30-day version is in force: what is older than 30 days before the run goes.
    await runPurge(inDays(6));
    expect(await remaining()).toEqual([6, 7]);
  });

  it('judges a purge asked for by ADMIN by the version in force now', async () => {
    const harness = await startAudit();
    try {
      const em = harness.runtime.orm.em.fork();
      for (const event of eventSeries(2, daysAgo(100))) await appendEvent(em, event);
      await appendEvent(em, makeEvent({ time: daysAgo(1) }));
      const PURGE = `mutation ($before: DateTime!) { purgeAuditLog(input: { before: $before }) { deleted } }`;
      const before = daysAgo(50).toISOString();
      const refused = await harness.gql(PURGE, { before }, { role: 'ADMIN' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.before',
      });
      expect(refused.errors?.[0]?.message).toMatch(/365 days/);

      await harness.runtime.orm.em
        .fork()
        .transactional((tx) =>
          retentionPolicy.apply(
            tx,
            asHandled(
              policyUpdated('RETENTION', 2, daysAgo(1), { auditRetentionDays: 30 }),
            ) as never,
          ),
        );
      const reply = await harness.gql(PURGE, { before }, { role: 'ADMIN' });
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.purgeAuditLog).toEqual({ deleted: 2 });
    } finally {
      await harness.stop();
    }
  });
});
