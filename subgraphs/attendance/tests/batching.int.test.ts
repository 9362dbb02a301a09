import type { EntityManager } from '@mikro-orm/knex';
import { managerChainsSql, requestSql } from '../../../test-support/sqlShape';
import { AttendanceDaySchema, EmployeeCopySchema } from '../src/entities';
import {
  SUMMARY,
  hr,
  londonCopy,
  manager,
  reps,
  startAttendance,
  type AttendanceHarness,
} from './support';

describe('attendance: batched reads', () => {
  let h: AttendanceHarness;
  let managerId: string;
  let ids: string[];

  beforeAll(async () => {
    h = await startAttendance();
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
      ids.map((id) => londonCopy(id, { managerId, updatedAt: now })),
    );
    await em.insertMany(
      AttendanceDaySchema,
      ids.flatMap((employeeId, i) =>
        ['2025-06-09', '2025-06-10'].map((date, d) => ({
          id: `0190a3c4-0001-7000-8000-${String(i * 10 + d).padStart(12, '0')}`,
          employeeId,
          date,
          status: d === 0 ? ('PRESENT' as const) : ('ABSENT' as const),
          checkInTime: d === 0 ? new Date('2025-06-09T08:20:00Z') : null,
          checkOutTime: d === 0 ? new Date('2025-06-09T16:20:00Z') : null,
          workedMinutes: d === 0 ? 480 : 0,
          plannedMinutes: 450,
          lateByMinutes: d === 0 ? 20 : 0,
          earlyExitMinutes: 0,
          overtimeMinutes: d === 0 ? 30 : 0,
          leaveRequestId: null,
          version: 1,
          processedAt: now,
          correlationId: 'seed',
        })),
      ),
    );
  });
  afterAll(() => h.stop());

  const read = (caller = hr) => h.gql(SUMMARY, { reps: reps(...ids), month: '2025-06' }, caller);

  const DAYS_SQL =
    'select a0.* from attendance_days as a0 where a0.employee_id in (50 values) ' +
    "and a0.date >= '2025-06-01' and a0.date <= '2025-06-30' order by a0.date asc";

  it('reads 50 employees’ attendanceSummary with one query', async () => {
    let reply: Awaited<ReturnType<typeof read>> | undefined;
    const sql = await h.countQueries(async () => (reply = await read()));
    expect(reply!.errors).toBeUndefined();
    expect(reply!.data!._entities).toHaveLength(50);
    for (const entity of reply!.data!._entities)
      expect(entity.attendanceSummary).toEqual({
        presentDays: 1,
        absentDays: 1,
        leaveDays: 0,
        halfDays: 0,
        lateArrivals: 1,
        workedHours: 8,
        overtimeHours: 0.5,
      });
    expect(requestSql(sql)).toEqual([DAYS_SQL]);
  });

  it('adds one query for a manager: the reporting lines of all 50', async () => {
    let reply: Awaited<ReturnType<typeof read>> | undefined;
    const sql = await h.countQueries(async () => (reply = await read(manager(managerId))));
    expect(reply!.errors).toBeUndefined();
    expect(requestSql(sql)).toEqual([managerChainsSql('attendance_employees', 50), DAYS_SQL]);
  });
});
