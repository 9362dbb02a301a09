import {
  batchedReads,
  employeeReps,
  fixedId,
  withRequestSql,
} from '../../../test-support/batchedReads';
import { managerChainsSql, sqlInstant } from '../../../test-support/sqlShape';
import { EmployeeCopySchema, TimeEntrySchema } from '../src/entities';
import { hr, startTime } from './support';

const TIMECARDS = `query ($reps: [_Any!]!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: $reps) {
    ... on Employee { id timeEntries(from: $from, to: $to) { id startTime } }
  }
}`;

describe('time: batched reads', () => {
  const suite = batchedReads(startTime, async (em, { ids, managerId, now }) => {
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
          id: fixedId(1, i * 100 + hour),
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

  const read = (caller = hr) =>
    suite.h.gql(
      TIMECARDS,
      {
        reps: employeeReps(suite.ids),
        from: '2025-05-01T00:00:00Z',
        to: '2025-05-02T00:00:00Z',
      },
      caller,
    );

  /** The one query for all 50 timecards. */
  const entriesSql = () =>
    'select t0.* from time_entries as t0 where t0.employee_id in (50 values) and t0.deleted_at is null ' +
    `and t0.start_time < ${sqlInstant(suite.h.db, '2025-05-02T00:00:00Z')} ` +
    `and (t0.end_time is null or t0.end_time > ${sqlInstant(suite.h.db, '2025-05-01T00:00:00Z')}) ` +
    'order by t0.employee_id asc, t0.start_time asc';

  it('reads 50 employees’ time entries with one query', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () => read());
    expect(reply.errors).toBeUndefined();
    expect(reply.data!._entities).toHaveLength(50);
    expect(
      reply.data!._entities.every((e: { timeEntries: unknown[] }) => e.timeEntries.length === 2),
    ).toBe(true);
    expect(sql).toEqual([entriesSql()]);
  });

  it('adds one query for a manager: the reporting lines of all 50', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () =>
      read({ role: 'MANAGER', sub: suite.managerId }),
    );
    expect(reply.errors).toBeUndefined();
    expect(sql).toEqual([managerChainsSql('time_employees', 50), entriesSql()]);
  });
});
