import { v7 as uuidv7 } from 'uuid';
import {
  AgreementCopySchema,
  EmployeeCopySchema,
  LeaveCopySchema,
  ShiftCopySchema,
} from '../src/entities';
import {
  DAY,
  agreementData,
  at,
  createdData,
  leaveData,
  scheduleData,
  describeAttendance,
} from './support';
import { statusChangedData, terminatedData } from '../../../test-support/employeeEvents';
import { employeeUpdatedData } from '../../../test-support/employeeUpdatedData';

describeAttendance('attendance: local copies fed by events', (h) => {
  const em = () => h.runtime.orm.em.fork();
  const employee = (id: string) => em().findOne(EmployeeCopySchema, id);
  const base = (id: string, version: number) => ({ employeeId: id, employeeNumber: 'E1', version });

  it('employees.employee.created starts the copy; a redelivery changes nothing', async () => {
    const id = uuidv7();
    const managerId = uuidv7();
    const event = await h.feed(
      'employees.employee.created',
      createdData(id, {
        managerId,
        location: 'SCOTLAND',
        timeZone: 'Europe/Paris',
        hireDate: '2024-01-02',
      }),
    );
    const expected = {
      status: 'ACTIVE',
      managerId,
      location: 'SCOTLAND',
      timeZone: 'Europe/Paris',
      hireDate: '2024-01-02',
      version: 1,
    };
    expect(await employee(id)).toMatchObject(expected);
    await h.replay(event);
    expect(await employee(id)).toMatchObject(expected);
  });

  it('employees.employee.updated takes location and zone; an older version is ignored', async () => {
    const id = await h.hire();
    await h.feed(
      'employees.employee.updated',
      employeeUpdatedData(id, 3, { timeZone: { old: 'Europe/London', new: 'America/New_York' } }),
    );
    await h.feed(
      'employees.employee.updated',
      employeeUpdatedData(id, 2, { location: { old: 'ENGLAND_AND_WALES', new: 'SCOTLAND' } }),
    );
    expect(await employee(id)).toMatchObject({
      timeZone: 'America/New_York',
      location: 'ENGLAND_AND_WALES',
      version: 3,
    });
  });

  it('employees.employee.status_changed and terminated; out of order they do not roll back', async () => {
    const id = await h.hire();
    await h.feed('employees.employee.terminated', terminatedData(id, 3, '2025-06-30'));
    await h.feed('employees.employee.status_changed', statusChangedData(id, 2, 'ON_LEAVE'));
    expect(await employee(id)).toMatchObject({
      status: 'TERMINATED',
      terminationDate: '2025-06-30',
      version: 3,
    });
    const other = await h.hire();
    await h.feed('employees.employee.status_changed', statusChangedData(other, 2, 'ON_LEAVE'));
    expect(await employee(other)).toMatchObject({ status: 'ON_LEAVE', version: 2 });
  });

  it('employees.manager.assigned sets the manager; a stale one is ignored', async () => {
    const id = await h.hire();
    const first = uuidv7();
    const second = uuidv7();
    await h.feed('employees.manager.assigned', {
      ...base(id, 3),
      managerId: second,
      previousManagerId: first,
    });
    await h.feed('employees.manager.assigned', {
      ...base(id, 2),
      managerId: first,
      previousManagerId: null,
    });
    expect(await employee(id)).toMatchObject({ managerId: second, version: 3 });
  });

  it('agreements.agreement.created, amended and ended keep the newest version', async () => {
    const id = await h.hire();
    const created = agreementData(id);
    const agreementId = created.agreementId;
    await h.feed('agreements.agreement.created', created);
    await h.feed('agreements.agreement.ended', {
      ...created,
      version: 3,
      endDate: '2025-12-31',
      effectiveFrom: '2025-12-31',
      previousEndDate: '2026-03-31',
    });
    await h.feed('agreements.agreement.amended', {
      ...created,
      version: 2,
      effectiveFrom: '2025-10-01',
    });
    const redelivered = await h.feed('agreements.agreement.created', created);
    await h.replay(redelivered);
    expect(await em().findOne(AgreementCopySchema, agreementId)).toMatchObject({
      endDate: '2025-12-31',
      version: 3,
      workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
      // The events give no weekly hours: the ATTENDANCE policy's day length stands in.
      weeklyMinutes: null,
    });
  });

  it('time.schedule.published adds shifts, tombstones replaced ones, in any order', async () => {
    const id = await h.hire();
    const older = scheduleData(id, [[at(DAY, '07:00'), at(DAY, '15:00')]]);
    const newer = scheduleData(
      id,
      [[at(DAY, '11:00'), at(DAY, '19:00')]],
      [older.shifts[0].shiftId],
    );
    // The replacement arrives first; the older publication's late copy must not revive its shift.
    await h.feed('time.schedule.published', newer);
    const late = await h.feed('time.schedule.published', older);
    await h.replay(late);
    const shifts = await em().find(ShiftCopySchema, { employeeId: id }, { orderBy: { id: 'asc' } });
    expect(shifts.filter((s) => !s.replaced).map((s) => s.id)).toEqual([newer.shifts[0].shiftId]);
    // Lateness is measured against the newer shift's 11:00 start.
    const reply = await h.checkIn(id, '11:30');
    expect(reply.data!.checkIn).toMatchObject({ lateByMinutes: 30 });
  });

  it('leave.request.approved and cancelled: versions decide, duplicates change nothing', async () => {
    const id = await h.hire();
    const { approvedBy, approvedAt, ...common } = leaveData(id);
    const approved = await h.feed('leave.request.approved', { ...common, approvedBy, approvedAt });
    await h.feed('leave.request.cancelled', {
      ...common,
      version: 3,
      status: 'CANCELLED',
      previousStatus: 'APPROVED',
      cancelledBy: id,
      cancelledAt: '2025-06-05T09:00:00.000Z',
    });
    await h.replay(approved);
    expect(await em().findOne(LeaveCopySchema, common.requestId)).toMatchObject({
      status: 'CANCELLED',
      version: 3,
      dates: [DAY],
    });
    await h.process(DAY, [id]);
    expect(await h.day(id, DAY)).toMatchObject({ status: 'ABSENT' });
    // Half-day flags are kept.
    const half = leaveData(id, {
      requestId: uuidv7(),
      startDate: '2025-06-16',
      endDate: '2025-06-17',
      halfDayEnd: true,
      days: 1.5,
      dates: [
        { date: '2025-06-16', days: 1 },
        { date: '2025-06-17', days: 0.5 },
      ],
    });
    await h.feed('leave.request.approved', half);
    expect(await em().findOne(LeaveCopySchema, half.requestId)).toMatchObject({
      startHalf: false,
      endHalf: true,
    });
  });
});
