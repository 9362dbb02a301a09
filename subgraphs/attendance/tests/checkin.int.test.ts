import {
  DAY,
  CHECK_IN,
  CHECK_OUT,
  at,
  dataOf,
  hr,
  onlyError,
  self,
  scheduleData,
  describeAttendance,
} from './support';
import { terminatedData } from '../../../test-support/employeeEvents';

describeAttendance('attendance: check-in and check-out', (h) => {
  it('is late by 14 minutes at 09:14 against a 09:00 shift with 10 minutes grace', async () => {
    const id = await h.hire();
    await h.feed(
      'time.schedule.published',
      scheduleData(id, [[at(DAY, '09:00'), at(DAY, '17:00')]]),
    );
    const reply = await h.checkIn(id, '09:14', { location: 'Ward 5', device: 'kiosk-1' });
    expect(dataOf(reply).checkIn).toMatchObject({
      date: DAY,
      checkInTime: '2025-06-10T08:14:00.000Z',
      checkInLocation: 'Ward 5',
      checkInDevice: 'kiosk-1',
      late: true,
      lateByMinutes: 14,
    });
    const [event] = await h.events('attendance.check_in.recorded');
    expect(event.data).toMatchObject({ employeeId: id, late: true, lateByMinutes: 14 });
  });

  it('is on time within the grace period, against the working pattern without a schedule', async () => {
    const id = await h.hire();
    const reply = await h.checkIn(id, '09:10', { device: 'phone' });
    expect(reply.data!.checkIn).toMatchObject({
      late: false,
      lateByMinutes: 0,
      plannedStart: '2025-06-10T08:00:00.000Z',
    });
  });

  it('checks out the open check-in, with worked hours and an early exit', async () => {
    const id = await h.hire();
    await h.checkIn(id, '09:00');
    const reply = await h.op('CheckOut', { input: { time: at(DAY, '15:30') } }, self(id));
    expect(dataOf(reply).checkOut).toMatchObject({
      checkOutTime: '2025-06-10T14:30:00.000Z',
      workedHours: 6.5,
    });
    const full = await h.gql(CHECK_OUT, { input: { employeeId: id } }, hr);
    // Twice in a row: nothing open any more.
    expect(onlyError(full).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_CHECKED_IN',
      field: 'employeeId',
    });
    const [event] = await h.events('attendance.check_out.recorded');
    expect(event.data).toMatchObject({ employeeId: id, workedMinutes: 390, earlyExitMinutes: 60 });
  });

  it('refuses a check-out without a check-in', async () => {
    const id = await h.hire();
    const reply = await h.gql(CHECK_OUT, { input: { time: at(DAY, '17:00') } }, self(id));
    expect(onlyError(reply).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'employeeId',
    });
  });

  it('refuses a second open check-in and a check-out before the check-in', async () => {
    const id = await h.hire();
    await h.checkIn(id, '09:00');
    const again = await h.checkIn(id, '09:05');
    expect(onlyError(again).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ALREADY_CHECKED_IN',
    });
    const before = await h.gql(CHECK_OUT, { input: { time: at(DAY, '08:00') } }, self(id));
    expect(onlyError(before).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'time' });
  });

  it('returns the first check-in again for the same idempotency key', async () => {
    const id = await h.hire();
    const input = { idempotencyKey: 'k-1', time: at(DAY, '09:00'), location: 'HQ', device: 'd' };
    const first = await h.gql(CHECK_IN, { input }, self(id));
    const second = await h.gql(CHECK_IN, { input }, self(id));
    expect(second.errors).toBeUndefined();
    expect(second.data!.checkIn.id).toBe(first.data!.checkIn.id);
    const mine = (await h.events('attendance.check_in.recorded')).filter(
      (e) => e.data.employeeId === id,
    );
    expect(mine).toHaveLength(1);
  });

  it('refuses an employee attendance does not know, and a terminated one', async () => {
    const unknown = await h.gql(
      CHECK_IN,
      {
        input: { employeeId: '0190a3c4-0000-7000-8000-000000000999', location: 'HQ', device: 'd' },
      },
      hr,
    );
    expect(onlyError(unknown).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'employeeId',
    });
    const id = await h.hire();
    await h.feed('employees.employee.terminated', terminatedData(id, 2, '2025-01-31'));
    const terminated = await h.gql(CHECK_IN, { input: { location: 'HQ', device: 'd' } }, self(id));
    expect(onlyError(terminated).extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'EMPLOYEE_TERMINATED',
    });
  });
});
