import { DateTime } from 'luxon';
import { isPublicHoliday } from '../../runtime';
import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { platformSuite } from '../../test-support/platformSuite';
import {
  seedOrganisation,
  agreementInput,
  daysAround,
  createAgreement,
} from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const zone = 'Europe/London';

/** The latest weekday, not a holiday in England, that ended at least two days ago. */
function lastWorkingDay(): DateTime {
  let day = DateTime.now().setZone(zone).startOf('day').minus({ days: 2 });
  while (day.weekday > 5 || isPublicHoliday('ENGLAND_AND_WALES', day.toISODate()!))
    day = day.minus({ days: 1 });
  return day;
}

// Attendance end to end: it learns people and agreements from events, a manager records
// a late arrival by hand, HR runs the day's processing, and the month shows present,
// late and absent days; a check-in and check-out of today go through as well.
describe('attendance through the gateway', () => {
  const tp = platformSuite();
  const org = beforeAllValue(() => seedOrganisation(tp));
  const hr = { role: 'HR' as const, sub: 'service:hr' };
  const day = lastWorkingDay();
  const date = day.toISODate()!;
  const at = (hour: number, minute = 0) => day.set({ hour, minute }).toISO()!;

  beforeAll(async () => {
    for (const report of org.reports) {
      await createAgreement(tp, agreementInput(report.id, ...daysAround(day, 30, 300)));
    }
  });

  const month = (id: string) =>
    tp.graphql(op('AttendanceMonth'), { id, month: date.slice(0, 7), from: date, to: date }, hr);

  it('turns a late manual entry and a missing one into PRESENT-late and ABSENT days', async () => {
    const [late, absent] = org.reports;
    const input = {
      employeeId: late!.id,
      checkInTime: at(9, 14),
      checkOutTime: at(17, 30),
      reason: 'Badge reader was down',
    };
    const manual = await waitFor(async () => {
      const result = await tp.graphql(
        op('RecordManualAttendance'),
        { input },
        { role: 'MANAGER', sub: org.manager.id },
      );
      return result.errors ? undefined : result.data!.recordManualAttendance;
    });
    expect(manual).toMatchObject({ date, source: 'MANUAL', reason: 'Badge reader was down' });

    // Attendance must have both agreements before the day is processed.
    await waitFor(async () => {
      const result = await tp.graphql(op('ProcessAttendanceDay'), { input: { date } }, hr);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const { data } = await month(absent!.id);
      return data?.employee.attendance[0]?.status === 'ABSENT' ? true : undefined;
    });

    const lateMonth = await month(late!.id);
    expect(lateMonth.errors).toBeUndefined();
    expect(lateMonth.data!.employee.attendance).toEqual([
      expect.objectContaining({ date, status: 'PRESENT', late: true, lateByMinutes: 14 }),
    ]);
    expect(lateMonth.data!.employee.attendanceSummary).toMatchObject({
      presentDays: 1,
      lateArrivals: 1,
    });
    const arrivals = await tp.graphql(
      op('LateArrivals'),
      { id: late!.id, from: date, to: date },
      hr,
    );
    expect(arrivals.data!.employee.lateArrivals).toEqual([{ date, lateByMinutes: 14 }]);

    const refused = await tp.graphql(
      op('ProcessAttendanceDay'),
      { input: { date } },
      { role: 'EMPLOYEE', sub: late!.id },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('checks a person in and out', async () => {
    const nurse = org.reports[2]!;
    const self = { role: 'EMPLOYEE' as const, sub: nurse.id };
    const started = DateTime.now().minus({ hours: 2 });
    const checkIn = await tp.graphql(
      op('CheckIn'),
      { input: { time: started.toISO(), location: 'Ward 5', device: 'kiosk-1' } },
      self,
    );
    expect(checkIn.errors).toBeUndefined();
    expect(checkIn.data!.checkIn).toMatchObject({
      checkInLocation: 'Ward 5',
      checkInDevice: 'kiosk-1',
    });
    const checkOut = await tp.graphql(op('CheckOut'), { input: {} }, self);
    expect(checkOut.errors).toBeUndefined();
    expect(checkOut.data!.checkOut.workedHours).toBeCloseTo(2, 1);
    const twice = await tp.graphql(op('CheckOut'), { input: {} }, self);
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
