import { batchedReads, fixedId, withRequestSql } from '../../../test-support/batchedReads';
import { managerChainsSql } from '../../../test-support/sqlShape';
import { AttendanceDaySchema, EmployeeCopySchema } from '../src/entities';
import { SUMMARY, hr, londonCopy, manager, reps, startAttendance } from './support';

describe('attendance: batched reads', () => {
  const suite = batchedReads(startAttendance, async (em, { ids, managerId, now }) => {
    await em.insertMany(
      EmployeeCopySchema,
      ids.map((id) => londonCopy(id, { managerId, updatedAt: now })),
    );
    await em.insertMany(
      AttendanceDaySchema,
      ids.flatMap((employeeId, i) =>
        ['2025-06-09', '2025-06-10'].map((date, d) => ({
          id: fixedId(1, i * 10 + d),
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

  const read = (caller = hr) =>
    suite.h.gql(SUMMARY, { reps: reps(...suite.ids), month: '2025-06' }, caller);

  const DAYS_SQL =
    'select a0.* from attendance_days as a0 where a0.employee_id in (50 values) ' +
    "and a0.date >= '2025-06-01' and a0.date <= '2025-06-30' order by a0.date asc";

  it('reads 50 employees’ attendanceSummary with one query', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () => read());
    expect(reply.errors).toBeUndefined();
    expect(reply.data!._entities).toHaveLength(50);
    for (const entity of reply.data!._entities)
      expect(entity.attendanceSummary).toEqual({
        presentDays: 1,
        absentDays: 1,
        leaveDays: 0,
        halfDays: 0,
        lateArrivals: 1,
        workedHours: 8,
        overtimeHours: 0.5,
      });
    expect(sql).toEqual([DAYS_SQL]);
  });

  it('adds one query for a manager: the reporting lines of all 50', async () => {
    const { reply, sql } = await withRequestSql(suite.h, () => read(manager(suite.managerId)));
    expect(reply.errors).toBeUndefined();
    expect(sql).toEqual([managerChainsSql('attendance_employees', 50), DAYS_SQL]);
  });
});
