import { parse } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { contractEntityQuery as asEntityQuery } from '../../../test-support/contractOperation';
import { DAY, at, hr, manager, self, describeAttendance } from './support';

const ours = loadContract().filter((o) => o.file === 'attendance.graphql');

describeAttendance('attendance: every contract operation of attendance.graphql', (h) => {
  let lead: string;
  let id: string;
  beforeAll(async () => {
    lead = await h.hire();
    id = await h.hire({ managerId: lead });
  });

  it('names the operations this suite runs', () => {
    expect(ours.map((o) => o.name).sort()).toEqual([
      'AttendanceMonth',
      'CheckIn',
      'CheckOut',
      'LateArrivals',
      'ProcessAttendanceDay',
      'RecordManualAttendance',
    ]);
    // The entity form is valid for the two queries (it parses and names its variables).
    for (const name of ['AttendanceMonth', 'LateArrivals'])
      expect(() => parse(asEntityQuery(name))).not.toThrow();
  });

  it('runs the day: check in late, check out, a manual entry, processing, then reads', async () => {
    const checkIn = await h.op(
      'CheckIn',
      { input: { time: at(DAY, '09:25'), location: 'Ward 5', device: 'kiosk-2' } },
      self(id),
    );
    expect(checkIn.errors).toBeUndefined();
    expect(checkIn.data!.checkIn).toMatchObject({
      date: DAY,
      checkInLocation: 'Ward 5',
      checkInDevice: 'kiosk-2',
      late: true,
      lateByMinutes: 25,
    });
    const checkOut = await h.op('CheckOut', { input: { time: at(DAY, '18:25') } }, self(id));
    expect(checkOut.errors).toBeUndefined();
    expect(checkOut.data!.checkOut).toMatchObject({ id: checkIn.data!.checkIn.id, workedHours: 9 });

    const manual = await h.op(
      'RecordManualAttendance',
      {
        input: {
          employeeId: id,
          checkInTime: at('2025-06-11', '09:00'),
          checkOutTime: at('2025-06-11', '12:30'),
          reason: 'Worked at the satellite clinic',
        },
      },
      manager(lead),
    );
    expect(manual.errors).toBeUndefined();
    expect(manual.data!.recordManualAttendance).toMatchObject({
      date: '2025-06-11',
      source: 'MANUAL',
      reason: 'Worked at the satellite clinic',
    });

    for (const date of [DAY, '2025-06-11', '2025-06-12']) {
      const processed = await h.op('ProcessAttendanceDay', { input: { date } }, hr);
      expect(processed.errors).toBeUndefined();
      expect(processed.data!.processAttendanceDay).toMatchObject({ date, processed: 2 });
    }

    const month = await h.gql(
      asEntityQuery('AttendanceMonth'),
      {
        representations: [{ __typename: 'Employee', id }],
        month: '2025-06',
        from: DAY,
        to: '2025-06-12',
      },
      manager(lead),
    );
    expect(month.errors).toBeUndefined();
    const [employee] = month.data!._entities;
    expect(employee.attendanceSummary).toEqual({
      presentDays: 1,
      absentDays: 1,
      leaveDays: 0,
      halfDays: 1,
      lateArrivals: 1,
      workedHours: 12.5,
      overtimeHours: 1.5,
    });
    expect(employee.attendance).toEqual([
      {
        date: DAY,
        status: 'PRESENT',
        checkInTime: '2025-06-10T08:25:00.000Z',
        checkOutTime: '2025-06-10T17:25:00.000Z',
        workedHours: 9,
        late: true,
        lateByMinutes: 25,
        overtimeMinutes: 90,
      },
      {
        date: '2025-06-11',
        status: 'HALF_DAY',
        checkInTime: '2025-06-11T08:00:00.000Z',
        checkOutTime: '2025-06-11T11:30:00.000Z',
        workedHours: 3.5,
        late: false,
        lateByMinutes: 0,
        overtimeMinutes: 0,
      },
      {
        date: '2025-06-12',
        status: 'ABSENT',
        checkInTime: null,
        checkOutTime: null,
        workedHours: 0,
        late: false,
        lateByMinutes: 0,
        overtimeMinutes: 0,
      },
    ]);

    const late = await h.gql(
      asEntityQuery('LateArrivals'),
      { representations: [{ __typename: 'Employee', id }], from: '2025-06-01', to: '2025-06-30' },
      self(id),
    );
    expect(late.errors).toBeUndefined();
    expect(late.data!._entities[0].lateArrivals).toEqual([{ date: DAY, lateByMinutes: 25 }]);
  });
});
