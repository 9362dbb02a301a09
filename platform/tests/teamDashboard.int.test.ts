import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import {
  createPerson,
  type SeededPerson,
  agreementInput,
  createAgreement,
} from '../../test-support/seedOrganisation';
import { inParallel } from '../../test-support/inParallel';
import { managerChainsSql, sentSql, sqlShape, type SentQuery } from '../../test-support/sqlShape';
import { whenSettled } from '../../test-support/platformMetrics';

/**
 * What the relay, consumers and scheduler run on their own: their tables and transactions,
 * and the end-of-employment job's look for last days passed, which may fall in any run.
 */
const BACKGROUND =
  /[`"](outbox|inbox|scheduled_jobs)[`"]|[`"]termination_date[`"] is not null|^\s*(begin|commit|rollback|savepoint|release)\b/i;
/** A date literal: the dashboard's days follow the clock. */
const DATE = /'\d{4}-\d{2}-\d{2}'/g;

const SUBGRAPHS = ['employees', 'agreements', 'accruals', 'leave', 'attendance', 'billing'];

/**
 * The statements each subgraph runs for a team of `n` (dates as `?`): each table read once
 * for the whole team. A manager's own lookups, and their one manager above, stay at 1.
 */
function dashboardSql(n: number): Record<string, string[]> {
  const team = `in (${n} values)`;
  return {
    employees: [
      'select e0.* from employees as e0 where e0.id in (1 value)',
      "select e0.* from employees as e0 where e0.manager_id in (1 value) and e0.status != 'TERMINATED' " +
        'order by e0.last_name asc, e0.first_name asc, e0.id asc',
    ],
    agreements: [
      managerChainsSql('known_employees', n),
      `select a0.* from agreements as a0 where a0.employee_id ${team} order by a0.start_date asc, a0.id asc`,
    ],
    accruals: [
      managerChainsSql('accruals_employees', n),
      `select a0.* from accruals_agreements as a0 where a0.employee_id ${team}`,
      `select d.* from accruals_days as d where d.agreement_id ${team} and (d.date = (select max(l.date) ` +
        'from accruals_days l where l.agreement_id = d.agreement_id and l.accrual_type = d.accrual_type ' +
        'and l.date <= ?)) order by d.date asc',
    ],
    leave: [
      managerChainsSql('leave_employees', n),
      `select l0.* from leave_employees as l0 where l0.id ${team}`,
      `select l0.* from leave_agreements as l0 where l0.employee_id ${team} order by l0.start_date asc`,
      `select l0.* from leave_requests as l0 where l0.employee_id ${team} and l0.status in (2 values) ` +
        'and l0.end_date >= ? order by l0.start_date asc',
      "select l0.* from leave_policy_copies as l0 where l0.kind = 'LEAVE'",
      `select l0.* from leave_requests as l0 where l0.employee_id ${team} and l0.status = 'PENDING' ` +
        'order by l0.start_date desc, l0.id desc',
    ],
    attendance: [
      managerChainsSql('attendance_employees', n),
      `select a0.* from attendance_days as a0 where a0.employee_id ${team} ` +
        'and a0.date >= ? and a0.date <= ? order by a0.date asc',
    ],
    billing: [
      managerChainsSql('billing_employees', n),
      'select a.owner_key, p.currency, sum(p.amount_minor) as total from billing_postings p ' +
        'join billing_transactions t on t.id = p.transaction_id ' +
        'join billing_accounts a on a.id = p.account_id ' +
        `where a.kind = 'PAYROLL_LIABILITY' and t.employee_id ${team} ` +
        'and t.work_date >= ? and t.work_date <= ? group by a.owner_key, p.currency',
    ],
  };
}

// The manager's dashboard reads six subgraphs for every report. Each subgraph must
// answer for the whole team at once (DataLoader batches), so the SQL it costs is the
// same for a team of 5 as for a team of 50, each statement over the whole team.
describe('TeamDashboard', () => {
  const tp = platformSuite();
  const today = DateTime.now().setZone('Europe/London').toISODate()!;
  const month = today.slice(0, 7);

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

  const settled = () => whenSettled(tp, 300_000);

  /** SQL each subgraph runs during `run`, leaving out the background workers' tables. */
  async function sqlPerSubgraph(run: () => Promise<unknown>): Promise<Record<string, string[]>> {
    const sent: Record<string, string[]> = Object.fromEntries(SUBGRAPHS.map((n) => [n, []]));
    const stops = SUBGRAPHS.map((name) => {
      const knex = (
        tp.platform.runtimes[name]!.orm.em.getConnection() as AbstractSqlConnection
      ).getKnex();
      const listener = (query: SentQuery) => {
        const sql = sentSql(query);
        if (!BACKGROUND.test(sql)) sent[name]!.push(sqlShape(sql).replace(DATE, '?'));
      };
      knex.on('query', listener);
      return () => knex.removeListener('query', listener);
    });
    try {
      await run();
    } finally {
      stops.forEach((stop) => stop());
    }
    return sent;
  }

  async function dashboardCost(manager: SeededPerson, size: number) {
    const variables = { managerId: manager.id, today, month };
    const caller = { role: 'MANAGER' as const, sub: manager.id };
    await settled();
    let result: any;
    const sent = await sqlPerSubgraph(async () => {
      result = await tp.graphql(op('TeamDashboard'), variables, caller);
    });
    expect(result!.errors).toBeUndefined();
    expect(result!.data!.employee.directReports).toHaveLength(size);
    return sent;
  }

  it('costs each subgraph the same statements for 5 reports as for 50, each over the whole team', async () => {
    expect(await dashboardCost(await team(5), 5)).toEqual(dashboardSql(5));
    expect(await dashboardCost(await team(50), 50)).toEqual(dashboardSql(50));
  }, 600_000);
});
