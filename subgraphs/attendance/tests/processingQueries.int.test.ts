import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/knex';
import { requestSql, sqlInstant } from '../../../test-support/sqlShape';
import {
  AgreementCopySchema,
  AttendanceDaySchema,
  AttendanceEntrySchema,
  EmployeeCopySchema,
  LeaveCopySchema,
  ShiftCopySchema,
} from '../src/entities';
import { DAY, at, londonCopy, describeAttendance, type AttendanceHarness } from './support';

/** The same mix of days for `count` people: present, late, open, on leave, absent, on shift. */
async function seed(h: AttendanceHarness, count: number): Promise<string[]> {
  const em = h.runtime.orm.em.fork() as EntityManager;
  const now = new Date();
  const ids = Array.from({ length: count }, () => uuidv7());
  await em.insertMany(
    EmployeeCopySchema,
    ids.map((id) =>
      londonCopy(id, {
        managerId: ids[0] === id ? null : ids[0],
        hireDate: '2021-04-01',
        updatedAt: now,
      }),
    ),
  );
  await em.insertMany(
    AgreementCopySchema,
    ids.map((employeeId) => ({
      id: uuidv7(),
      employeeId,
      startDate: '2025-04-01',
      endDate: '2026-03-31',
      workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
      weeklyMinutes: 2250,
      version: 1,
    })),
  );
  const kind = (i: number) => i % 5;
  await em.insertMany(
    ShiftCopySchema,
    ids
      .filter((_, i) => i % 2 === 0)
      .map((employeeId) => ({
        id: uuidv7(),
        employeeId,
        scheduleId: uuidv7(),
        start: new Date(at(DAY, '07:00')),
        end: new Date(at(DAY, '15:00')),
        replaced: false,
      })),
  );
  await em.insertMany(
    AttendanceEntrySchema,
    ids
      .map((employeeId, i) => ({ employeeId, i }))
      .filter(({ i }) => kind(i) < 3)
      .map(({ employeeId, i }) => ({
        id: uuidv7(),
        employeeId,
        date: DAY,
        checkInTime: new Date(at(DAY, kind(i) === 1 ? '09:40' : '08:55')),
        checkInLocation: null,
        checkInDevice: null,
        checkOutTime: kind(i) === 2 ? null : new Date(at(DAY, '17:00')),
        checkOutLocation: null,
        checkOutDevice: null,
        source: 'DEVICE' as const,
        reason: null,
        recordedBy: employeeId,
        correctsId: null,
        supersededById: null,
        plannedStart: null,
        plannedEnd: null,
        lateByMinutes: 0,
        earlyExitMinutes: 0,
        version: 1,
        correlationId: 'seed',
        createdAt: now,
        updatedAt: now,
      })),
  );
  await em.insertMany(
    LeaveCopySchema,
    ids
      .filter((_, i) => kind(i) === 3)
      .map((employeeId) => ({
        id: uuidv7(),
        employeeId,
        leaveType: 'ANNUAL',
        startDate: DAY,
        endDate: DAY,
        startHalf: false,
        endHalf: false,
        dates: [DAY],
        status: 'APPROVED' as const,
        version: 2,
      })),
  );
  return ids;
}

describeAttendance('attendance: processing a day in batches', (h) => {
  const processed = async (ids: string[]) => {
    let result: { processed: number; changed: number } | undefined;
    const sql = await h.countQueries(async () => (result = await h.process(DAY, ids)));
    return { sql: requestSql(sql), result: result! };
  };

  /** One transaction over `count` employees: one read per table, then `writes`. */
  const run = (count: number, writes: string[] = []) => {
    const ofDay = (table: string, where: string) =>
      `select a0.* from ${table} as a0 where a0.employee_id in (${count} values) and ${where}`;
    const spanning = `a0.start_date <= '${DAY}' and a0.end_date >= '${DAY}'`;
    return [
      'begin',
      `select a0.* from attendance_employees as a0 where a0.id in (${count} values) order by a0.id asc`,
      ofDay('attendance_agreements', spanning),
      ofDay(
        'attendance_shifts',
        `a0.replaced = false and a0.start_time >= ${sqlInstant(h.db, '2025-06-09T00:00:00Z')} ` +
          `and a0.start_time < ${sqlInstant(h.db, '2025-06-12T00:00:00Z')}`,
      ),
      ofDay('attendance_entries', `a0.date = '${DAY}' and a0.superseded_by_id is null`),
      ofDay('attendance_leave', `a0.status = 'APPROVED' and ${spanning}`),
      ofDay('attendance_days', `a0.date = '${DAY}'`),
      "select a0.* from attendance_policy_copies as a0 where a0.kind = 'ATTENDANCE' and " +
        "a0.key = 'DEFAULT' order by a0.effective_from desc, a0.version desc",
      ...writes,
      'commit',
    ];
  };

  it('reads and writes each table once a run, for 50 employees as for 5, first run and rerun', async () => {
    const few = await seed(h, 5);
    const many = await seed(h, 50);
    const first = [await processed(few), await processed(many)];
    expect(first.map((r) => r.result)).toEqual([
      { date: DAY, processed: 5, changed: 5 },
      { date: DAY, processed: 50, changed: 50 },
    ]);
    // The days and their events, each table in one insert whatever the count.
    expect(first.map((r) => r.sql)).toEqual([
      run(5, ['insert into outbox (9 rows)', 'insert into attendance_days (5 rows)']),
      run(50, ['insert into outbox (80 rows)', 'insert into attendance_days (50 rows)']),
    ]);
    const again = [await processed(few), await processed(many)];
    expect(again.map((r) => r.result.changed)).toEqual([0, 0]);
    // Nothing changed, so nothing is written.
    expect(again.map((r) => r.sql)).toEqual([run(5), run(50)]);

    const em = h.runtime.orm.em.fork();
    const statuses = async (ids: string[]) =>
      (await em.find(AttendanceDaySchema, { employeeId: { $in: ids }, date: DAY }))
        .map((d) => d.status)
        .sort();
    expect(new Set(await statuses(many))).toEqual(
      new Set(['PRESENT', 'INCOMPLETE', 'ON_LEAVE', 'ABSENT']),
    );
    // The 09:40 check-ins, and every check-in against a 07:00 shift.
    expect(
      await em.count(AttendanceDaySchema, {
        employeeId: { $in: many },
        date: DAY,
        lateByMinutes: { $gt: 0 },
      }),
    ).toBe(20);
  });
});
