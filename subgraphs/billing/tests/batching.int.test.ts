import { v7 as uuidv7 } from 'uuid';
import { managerChainsSql, requestSql } from '../../../test-support/sqlShape';
import { entryEvent, finance, startBilling, type BillingHarness } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const TEAM = `query ($reps: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $reps) {
  ... on Employee { id cost(from: $from, to: $to) { amountMinor currency } } } }`;

describe('billing: a team in one request', () => {
  const ids: string[] = [];
  let manager: string;
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));
  beforeAll(async () => {
    manager = await h.hire();
    for (let i = 0; i < 50; i += 1) ids.push(await h.hire({ managerId: manager }));
    await h.setCard({ grade: 'G1', effectiveFrom: '2026-03-03', rate: 1000 });
    for (const [i, employeeId] of ids.entries())
      await h.apply(
        entryEvent('recorded', {
          entryId: uuidv7(),
          employeeId,
          version: 1,
          startTime: '2026-03-10T09:00:00Z',
          endTime: new Date(Date.parse('2026-03-10T10:00:00Z') + i * 60000).toISOString(),
        }),
      );
  });

  // One sum over the ledger for all 50; a manager's check first reads the 50 reporting lines,
  // whatever their depth, in one statement.
  const COST_SQL =
    'select a.owner_key, p.currency, sum(p.amount_minor) as total from billing_postings p ' +
    'join billing_transactions t on t.id = p.transaction_id ' +
    'join billing_accounts a on a.id = p.account_id ' +
    "where a.kind = 'PAYROLL_LIABILITY' and t.employee_id in (50 values) " +
    "and t.work_date >= '2026-03-10' and t.work_date <= '2026-03-10' " +
    'group by a.owner_key, p.currency';
  const MANAGER_CHECK = [managerChainsSql('billing_employees', 50)];

  it.each([
    ['FINANCE', finance, [COST_SQL]],
    ['their MANAGER', { role: 'MANAGER' as const, sub: '' }, [...MANAGER_CHECK, COST_SQL]],
  ])(
    'resolves 50 employees’ cost for %s in a fixed number of queries',
    async (_who, caller, statements) => {
      const who = caller.sub === '' ? { ...caller, sub: manager } : caller;
      let reply: Awaited<ReturnType<BillingHarness['gql']>> = {};
      const sql = await h.countQueries(async () => {
        reply = await h.gql(
          TEAM,
          {
            reps: ids.map((id) => ({ __typename: 'Employee', id })),
            from: '2026-03-10',
            to: '2026-03-10',
          },
          who,
        );
      });
      expect(reply.errors).toBeUndefined();
      const costs = reply.data!._entities.map(
        (e: { cost: { amountMinor: number } }) => e.cost.amountMinor,
      );
      // 1 hour + i minutes at £10.00 an hour, rounded half-even.
      expect(costs[0]).toBe(1000);
      expect(costs[3]).toBe(1050);
      expect(costs).toHaveLength(50);
      expect(requestSql(sql)).toEqual(statements);
    },
  );
});
