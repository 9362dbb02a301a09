import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { createTestPlatform, type TestPlatform } from '../../test-support/createTestPlatform';
import {
  createPerson,
  type SeededPerson,
  agreementInput,
  createAgreement,
} from '../../test-support/seedOrganisation';
import { inParallel } from '../../test-support/inParallel';
import { waitFor } from '../../test-support/waitFor';

/** What the relay, consumers and scheduler run on their own: their tables and transactions. */
const BACKGROUND =
  /[`"](outbox|inbox|scheduled_jobs)[`"]|^\s*(begin|commit|rollback|savepoint|release)\b/i;

const SUBGRAPHS = ['employees', 'agreements', 'accruals', 'leave', 'attendance', 'billing'];

// The manager's dashboard reads six subgraphs for every report. Each subgraph must
// answer for the whole team at once (DataLoader batches), so the SQL it costs is the
// same for a team of 5 as for a team of 50.
describe('TeamDashboard', () => {
  let tp: TestPlatform;
  const today = DateTime.now().setZone('Europe/London').toISODate()!;
  const month = today.slice(0, 7);

  beforeAll(async () => {
    tp = await createTestPlatform();
  });
  afterAll(() => tp.stop());

  /** A manager with `size` reports, each with an agreement covering today. */
  async function team(size: number): Promise<SeededPerson> {
    const manager = await createPerson(tp, 'Team', `Lead${size}`, { jobTitle: 'Ward Manager' });
    const start = DateTime.fromISO(today).minus({ months: 6 }).toISODate()!;
    const end = DateTime.fromISO(today).plus({ months: 6 }).toISODate()!;
    // HR hires them side by side, as an import would: one at a time took minutes on a busy machine.
    await inParallel([...Array(size).keys()], 8, async (i) => {
      const report = await createPerson(tp, `Member${i}`, `Of${size}`, { managerId: manager.id });
      await createAgreement(tp, agreementInput(report.id, start, end));
    });
    return manager;
  }

  /** Sums a gauge's series on the gateway's /metrics. */
  async function gaugeSum(name: string): Promise<number> {
    const text = await (await fetch(tp.url.replace('/graphql', '/metrics'))).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  /** Waits until every event is published and handled, so only the query runs SQL. */
  const settled = () =>
    waitFor(
      async () => {
        const busy =
          (await gaugeSum('hr_outbox_backlog')) + (await gaugeSum('hr_consumer_pending'));
        return busy === 0 ? true : undefined;
      },
      300_000,
      250,
    );

  /** SQL each subgraph runs during `run`, leaving out the background workers' tables. */
  async function sqlPerSubgraph(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.fromEntries(SUBGRAPHS.map((n) => [n, 0]));
    const stops = SUBGRAPHS.map((name) => {
      const knex = (
        tp.platform.runtimes[name]!.orm.em.getConnection() as AbstractSqlConnection
      ).getKnex();
      const listener = ({ sql }: { sql: string }) => {
        if (!BACKGROUND.test(sql)) counts[name]! += 1;
      };
      knex.on('query', listener);
      return () => knex.removeListener('query', listener);
    });
    try {
      await run();
    } finally {
      stops.forEach((stop) => stop());
    }
    return counts;
  }

  async function dashboardCost(manager: SeededPerson, size: number) {
    const variables = { managerId: manager.id, today, month };
    const caller = { role: 'MANAGER' as const, sub: manager.id };
    await settled();
    let result: any;
    const counts = await sqlPerSubgraph(async () => {
      result = await tp.graphql(op('TeamDashboard'), variables, caller);
    });
    expect(result!.errors).toBeUndefined();
    expect(result!.data!.employee.directReports).toHaveLength(size);
    return counts;
  }

  it('costs the same SQL per subgraph for 5 reports as for 50', async () => {
    const small = await dashboardCost(await team(5), 5);
    const large = await dashboardCost(await team(50), 50);
    expect(large).toEqual(small);
    for (const name of SUBGRAPHS) expect(small[name]).toBeGreaterThan(0);
  }, 600_000);
});
