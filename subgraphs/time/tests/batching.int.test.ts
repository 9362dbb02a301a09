import type { EntityManager } from '@mikro-orm/knex';
import { managerChainsSql, requestSql, sqlInstant } from '../../../test-support/sqlShape';
import { EmployeeCopySchema, TimeEntrySchema } from '../src/entities';
import { hr, startTime, type TimeHarness } from './support';

const TIMECARDS = `query ($reps: [_Any!]!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: $reps) {
    ... on Employee { id timeEntries(from: $from, to: $to) { id startTime } }
  }
}`;

describe('time: batched reads', () => {
  let h: TimeHarness;
  let managerId: string;
  let ids: string[];

  beforeAll(async () => {
    h = await startTime();
    managerId = await h.hire();
    const em = h.runtime.orm.em.fork() as EntityManager;
    const now = new Date();
    ids = Array.from(
      { length: 50 },
      (_, i) => `0190a3c4-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    // Rows straight into the tables: this suite is about reads.
    await em.insertMany(
      EmployeeCopySchema,
      ids.map((id) => ({
        id,
        status: 'ACTIVE' as const,
        managerId,
        timeZone: 'Europe/London',
        version: 1,
        writeLock: 0,
        updatedAt: now,
      })),
    );
    await em.insertMany(
      TimeEntrySchema,
      ids.flatMap((employeeId, i) =>
        [8, 14].map((hour) => ({
          id: `0190a3c4-0001-7000-8000-${String(i * 100 + hour).padStart(12, '0')}`,
          employeeId,
          periodType: 'SHIFT' as const,
          shiftType: null,
          startTime: new Date(Date.UTC(2025, 4, 1, hour)),
          endTime: new Date(Date.UTC(2025, 4, 1, hour + 4)),
          mealBreakMinutes: 0,
          version: 1,
          correlationId: 'seed',
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        })),
      ),
    );
  });
  afterAll(() => h.stop());

  const read = (caller = hr) =>
    h.gql(
      TIMECARDS,
      {
        reps: ids.map((id) => ({ __typename: 'Employee', id })),
        from: '2025-05-01T00:00:00Z',
        to: '2025-05-02T00:00:00Z',
      },
      caller,
    );

  /** The one query for all 50 timecards. */
  const entriesSql = () =>
    'select t0.* from time_entries as t0 where t0.employee_id in (50 values) and t0.deleted_at is null ' +
    `and t0.start_time < ${sqlInstant(h.db, '2025-05-02T00:00:00Z')} ` +
    `and (t0.end_time is null or t0.end_time > ${sqlInstant(h.db, '2025-05-01T00:00:00Z')}) ` +
    'order by t0.employee_id asc, t0.start_time asc';

  it('reads 50 employees’ time entries with one query', async () => {
    let reply: Awaited<ReturnType<typeof read>> | undefined;
    const sql = await h.countQueries(async () => (reply = await read()));
    expect(reply!.errors).toBeUndefined();
    expect(reply!.data!._entities).toHaveLength(50);
    expect(
      reply!.data!._entities.every((e: { timeEntries: unknown[] }) => e.timeEntries.length === 2),
    ).toBe(true);
    expect(requestSql(sql)).toEqual([entriesSql()]);
  });

  it('adds one query for a manager: the reporting lines of all 50', async () => {
    let reply: Awaited<ReturnType<typeof read>> | undefined;
    const sql = await h.countQueries(
      async () => (reply = await read({ role: 'MANAGER', sub: managerId })),
    );
    expect(reply!.errors).toBeUndefined();
    expect(requestSql(sql)).toEqual([managerChainsSql('time_employees', 50), entriesSql()]);
  });
});
