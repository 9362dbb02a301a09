import { v7 as uuidv7 } from 'uuid';
import { managerChainsSql, requestSql } from '../../../test-support/sqlShape';
import {
  SUMMARY,
  agreementEvent,
  employeeCreated,
  entryEvent,
  startAccruals,
  type AccrualsHarness,
  type Caller,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('accruals: a team in one request', () => {
  const h = suiteHarness(startAccruals);
  const managerId = uuidv7();
  const ids: string[] = [];
  beforeAll(async () => {
    await h.apply(employeeCreated(managerId));
    for (let i = 0; i < 5; i += 1) {
      const id = uuidv7();
      ids.push(id);
      await h.apply(employeeCreated(id, { managerId }));
      await h.apply(agreementEvent(id));
      await h.apply(
        entryEvent('recorded', {
          entryId: uuidv7(),
          employeeId: id,
          version: 1,
          startTime: '2025-06-10T07:00:00Z',
          endTime: `2025-06-10T${String(10 + i).padStart(2, '0')}:00:00Z`,
        }),
      );
    }
  });

  /** The team's summaries as `caller`, and the SQL they cost. */
  async function read(caller?: Caller) {
    let reply: Awaited<ReturnType<AccrualsHarness['gql']>> = {};
    const sql = await h.countQueries(async () => {
      reply = await h.gql(
        SUMMARY,
        { reps: ids.map((id) => ({ __typename: 'Employee', id })), on: '2025-06-30' },
        caller,
      );
    });
    expect(reply.errors).toBeUndefined();
    const worked = reply.data!._entities.map(
      (e: { accruals: { worked: number }[] }) => e.accruals[0].worked,
    );
    expect(worked).toEqual([3, 4, 5, 6, 7]);
    return requestSql(sql);
  }

  const READS = [
    'select a0.* from accruals_agreements as a0 where a0.employee_id in (5 values)',
    "select a0.* from accruals_days as a0 where a0.agreement_id in (5 values) and a0.date <= '2025-06-30' order by a0.date asc",
  ];

  it('reads N employees’ summaries with a fixed number of queries', async () => {
    // Agreements and day rows: one query each for the whole team; HR needs no reporting line.
    expect(await read()).toEqual(READS);
  });

  it('adds one query for a manager: the reporting lines of the whole team', async () => {
    expect(await read({ role: 'MANAGER', sub: managerId })).toEqual([
      managerChainsSql('accruals_employees', 5),
      ...READS,
    ]);
  });
});
