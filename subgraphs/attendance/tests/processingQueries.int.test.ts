import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/knex';
import {
  AgreementCopySchema,
  AttendanceDaySchema,
  AttendanceEntrySchema,
  EmployeeCopySchema,
  LeaveCopySchema,
  ShiftCopySchema,
} from '../src/entities';
import { DAY, at, startAttendance, type AttendanceHarness } from './support';

/** The same mix of days for `count` people: present, late, open, on leave, absent, on shift. */
async function seed(h: AttendanceHarness, count: number): Promise<string[]> {
  const em = h.runtime.orm.em.fork() as EntityManager;
  const now = new Date();
  const ids = Array.from({ length: count }, () => uuidv7());
  await em.insertMany(
    EmployeeCopySchema,
    ids.map((id) => ({
      id,
      status: 'ACTIVE' as const,
      managerId: ids[0] === id ? null : ids[0],
      location: 'ENGLAND_AND_WALES',
      timeZone: 'Europe/London',
      hireDate: '2021-04-01',
      terminationDate: null,
      version: 1,
      writeLock: 0,
      updatedAt: now,
    })),
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

describe('attendance: processing a day in batches', () => {
  let h: AttendanceHarness;
  beforeAll(async () => (h = await startAttendance()));
  afterAll(() => h.stop());

  const processed = async (ids: string[]) => {
    let result: { processed: number; changed: number } | undefined;
    const sql = await h.countQueries(async () => (result = await h.process(DAY, ids)));
    // The scheduler polls its table in the background meanwhile; those are not the run's.
    return { sql: sql.filter((q) => !q.includes('scheduled_jobs')), result: result! };
  };

  it('issues as many queries for 50 employees as for 5, first run and rerun', async () => {
    const few = await seed(h, 5);
    const many = await seed(h, 50);
    const first = [await processed(few), await processed(many)];
    expect(first.map((r) => r.result)).toEqual([
      { date: DAY, processed: 5, changed: 5 },
      { date: DAY, processed: 50, changed: 50 },
    ]);
    expect(first[1].sql).toHaveLength(first[0].sql.length);
    const again = [await processed(few), await processed(many)];
    expect(again.map((r) => r.result.changed)).toEqual([0, 0]);
    expect(again[1].sql).toHaveLength(again[0].sql.length);

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
