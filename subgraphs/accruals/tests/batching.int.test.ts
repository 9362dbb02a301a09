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
import { employeeEntityQuery } from '../../../test-support/employeeEntityQuery';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { asHandled } from '../../../test-support/startSubgraph';
import { applyEvents } from '../src/handlers';

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
    'select d.* from accruals_days as d where d.agreement_id in (5 values) and (d.date = (select max(l.date) ' +
      'from accruals_days l where l.agreement_id = d.agreement_id and l.accrual_type = d.accrual_type ' +
      "and l.date <= '2025-06-30')) order by d.date asc",
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

  // The day rows read are only the latest of each type up to the day asked for.
  it('sums up to each day asked for, several days in one request', async () => {
    const id = uuidv7();
    await h.apply(employeeCreated(id));
    await h.apply(agreementEvent(id));
    for (const [day, hours] of [
      ['10', 3],
      ['12', 2],
      ['20', 4],
    ] as const) {
      await h.apply(
        entryEvent('recorded', {
          entryId: uuidv7(),
          employeeId: id,
          version: 1,
          startTime: `2025-06-${day}T07:00:00Z`,
          endTime: `2025-06-${day}T${String(7 + hours).padStart(2, '0')}:00:00Z`,
        }),
      );
    }
    const onDays = ['2025-06-09', '2025-06-11', '2025-06-15', '2025-06-30'];
    const query = employeeEntityQuery(
      '',
      onDays.map((on, i) => `on${i}: accruals(on: "${on}") { accrualType worked }`).join('\n'),
    );
    const reply = await h.gql(query, { reps: [{ __typename: 'Employee', id }] });
    expect(reply.errors).toBeUndefined();
    const annual = onDays.map(
      (_, i) =>
        reply.data!._entities[0][`on${i}`].find(
          (s: { accrualType: string }) => s.accrualType === 'ANNUAL_TARGET_HOURS',
        ).worked,
    );
    expect(annual).toEqual([0, 3, 5, 9]);
  });
});

describe('accruals: agreements that arrive together', () => {
  const h = suiteHarness(startAccruals);

  /** The statements a batch of `count` new agreements costs, one employee each with a shift. */
  async function rebuildSql(count: number) {
    const hires = Array.from({ length: count }, () => uuidv7());
    for (const id of hires) {
      await h.apply(employeeCreated(id));
      const shift = { entryId: uuidv7(), employeeId: id, version: 1 };
      const hours = { startTime: '2025-06-10T07:00:00Z', endTime: '2025-06-10T15:00:00Z' };
      await h.apply(entryEvent('recorded', { ...shift, ...hours }));
    }
    const batch = hires.map((id) => asHandled(agreementEvent(id)));
    const sql = await h.countQueries(() =>
      h.transaction((em) => applyEvents(em, batch as never, () => {}, new Date('2025-06-30'))),
    );
    return requestSql(sql);
  }

  it('rebuilds the employees of a batch with statements that do not grow with it', async () => {
    // A statement by what it does: its table for an insert, else its text, lists uncounted.
    const kind = (sql: string) =>
      /^insert into \w+/.exec(sql)?.[0] ??
      sql.replace(/\d+ (values?|rows?)/g, 'N').replace(/\(values .*\) as v/, '(values) as v');
    const few = await rebuildSql(2);
    const many = await rebuildSql(7);
    expect(many.map(kind)).toEqual(few.map(kind));
    expect(many).toEqual(
      expect.arrayContaining([
        'delete from accruals_contributions where employee_id in (7 values)',
        'select a0.* from accruals_entries as a0 where a0.employee_id in (7 values) and a0.deleted = false',
        expect.stringMatching(/^insert into accruals_contributions\b/),
        'delete from accruals_days where agreement_id in (7 values)',
        expect.stringMatching(/^insert into accruals_days\b/),
      ]),
    );
    expect(
      many.filter((sql) => sql.startsWith('insert into accruals_balance_statuses')),
    ).toHaveLength(1);
  });
});
