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
import { onPostgres } from '../../../test-support/onPostgres';
import { asHandled } from '../../../test-support/startSubgraph';
import { applyEvents } from '../src/handlers';
import { BalanceStatusSchema, SeenCorrelationSchema } from '../src/entities';

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

describe('accruals: events that arrive together', () => {
  const h = suiteHarness(startAccruals);
  const NOW = new Date('2025-06-30');
  const hours = (day: string) => ({
    startTime: `2025-06-${day}T07:00:00Z`,
    endTime: `2025-06-${day}T15:00:00Z`,
  });
  // A statement by what it does: its table for an insert, else its text up to the where
  // clause or the list of values, which grow with the batch.
  const kind = (sql: string) =>
    /^insert into \w+/.exec(sql)?.[0] ?? sql.split(/ where | \(values /)[0];

  /** `count` hired employees, each with a shift on 10 June. */
  async function hire(count: number) {
    const hires = Array.from({ length: count }, () => uuidv7());
    for (const id of hires) {
      await h.apply(employeeCreated(id));
      const shift = { entryId: uuidv7(), employeeId: id, version: 1 };
      await h.apply(entryEvent('recorded', { ...shift, ...hours('10') }));
    }
    return hires;
  }

  /** The statements `batch` costs through the batch path. */
  async function batchSql(batch: ReturnType<typeof agreementEvent>[]) {
    const handled = batch.map(asHandled);
    const sql = await h.countQueries(() =>
      h.transaction((em) => applyEvents(em, handled as never, () => {}, NOW)),
    );
    return requestSql(sql);
  }

  /** The statements a batch of new agreements costs, one each for `count` hires. */
  const rebuildSql = async (count: number) =>
    batchSql((await hire(count)).map((id) => agreementEvent(id)));

  /** The statements a batch of shifts on 12 June costs, one each for `count` agreed hires. */
  async function entriesSql(count: number) {
    const hires = await hire(count);
    for (const id of hires) await h.apply(agreementEvent(id));
    return batchSql(
      hires.map((employeeId) =>
        entryEvent('recorded', { entryId: uuidv7(), employeeId, version: 1, ...hours('12') }),
      ),
    );
  }

  it('rebuilds the employees of a batch with statements that do not grow with it', async () => {
    const few = await rebuildSql(2);
    const many = await rebuildSql(7);
    expect(many.map(kind)).toEqual(few.map(kind));
    expect(many).toEqual(
      expect.arrayContaining([
        'delete from accruals_contributions where employee_id in (7 values)',
        'select a0.* from accruals_entries as a0 where a0.employee_id in (7 values) and a0.deleted = false',
        expect.stringMatching(/^insert into accruals_contributions\b/),
        expect.stringMatching(/^insert into accruals_days\b/),
      ]),
    );
    // New agreements have no day rows yet: none are read or deleted before the insert.
    const replaced = /^(select a0\.\* from|delete from) accruals_days\b/;
    expect(many.filter((sql) => replaced.test(sql))).toEqual([]);
    expect(
      many.filter((sql) => sql.startsWith('insert into accruals_balance_statuses')),
    ).toHaveLength(1);
    // On PostgreSQL the counted versions and the chains seen go as arrays, not as text
    // that grows with the batch.
    for (const table of ['accruals_balance_versions', 'accruals_correlations']) {
      const sent = many.filter((sql) => sql.startsWith(`insert into ${table} `));
      expect(sent).toEqual([
        expect.stringMatching(onPostgres ? / select \* from unnest\(/ : / values |\(7 rows\)/),
      ]);
    }
  });

  it('reads and replaces the day rows of agreements it held before the batch', async () => {
    const hires = await hire(3);
    const agreementIds = hires.map(() => uuidv7());
    for (const [at, id] of hires.entries())
      await h.apply(agreementEvent(id, { agreementId: agreementIds[at] }));
    const amended = await batchSql(
      hires.map((employeeId, at) =>
        agreementEvent(employeeId, {
          agreementId: agreementIds[at],
          type: 'amended',
          version: 2,
          endDate: '2026-06-30',
        }),
      ),
    );
    expect(amended).toEqual(
      expect.arrayContaining([
        'select a0.* from accruals_days as a0 where a0.agreement_id in (3 values) order by a0.date asc',
        'delete from accruals_days where agreement_id in (3 values)',
        expect.stringMatching(/^insert into accruals_days\b/),
      ]),
    );
  });

  it('takes a batch whose writes run past what one SQLite statement may hold', async () => {
    // 510 agreements name 510 chains and, each type behind on NOW, 3,570 statuses: more
    // than the 500 terms SQLite allows in one compound SELECT.
    const batch = Array.from({ length: 510 }, () => agreementEvent(uuidv7()));
    await batchSql(batch);
    const em = h.runtime.orm.em.fork();
    const agreementId = { $in: batch.map((event) => event.subject) };
    const correlationId = { $in: batch.map((event) => event.correlationid) };
    expect(await em.count(SeenCorrelationSchema, { correlationId })).toBe(510);
    expect(await em.count(BalanceStatusSchema, { agreementId })).toBe(510 * 7);
  });

  it('moves the balances of a batch of entries with statements that do not grow with it', async () => {
    const few = await entriesSql(2);
    const many = await entriesSql(7);
    expect(many.map(kind)).toEqual(few.map(kind));
    // Each shift adds to two types (annual and weekday hours) on a new day after the one
    // before: that day is inserted, no row read is rewritten or dropped.
    expect(many.filter((sql) => /^(insert into|delete from) accruals_days\b/.test(sql))).toEqual([
      expect.stringMatching(/^insert into accruals_days\b/),
    ]);
    expect(many).toEqual(
      expect.arrayContaining([expect.stringMatching(/^insert into accruals_contributions\b/)]),
    );
  });
});
