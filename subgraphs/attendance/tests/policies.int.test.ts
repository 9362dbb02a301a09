import { type AttendanceRules, DEFAULT_ATTENDANCE_RULES } from '../../../runtime';
import { CHECK_IN, CHECK_OUT, DAY, at, hr, describeAttendance } from './support';

/** Two days after DAY, a Thursday; v2 takes effect in between. */
const LATER = '2025-06-12';

/** A new ATTENDANCE version as compliance's event carries it. */
const attendancePolicy = (
  version: number,
  effectiveFrom: string,
  rules: Partial<AttendanceRules>,
) => ({
  kind: 'ATTENDANCE',
  key: 'DEFAULT',
  version,
  effectiveFrom,
  rules: { ...DEFAULT_ATTENDANCE_RULES, ...rules },
  previous: DEFAULT_ATTENDANCE_RULES,
  reason: 'Shorter grace agreed with the union',
});

describeAttendance('attendance: days are judged by the ATTENDANCE version in force', (h) => {
  beforeAll(async () => {
    // From midnight UTC between DAY and LATER: five minutes' grace, eight-hour days.
    await h.feed(
      'compliance.policy.updated',
      attendancePolicy(2, '2025-06-11T00:00:00.000Z', {
        graceMinutes: 5,
        defaultShiftMinutes: 480,
      }),
    );
  });

  /** Checks `id` in at `from` and out at `to` on `date` (local clock), as HR at a kiosk. */
  const attend = async (id: string, date: string, from: string, to: string) => {
    const checkIn = await h.gql(
      CHECK_IN,
      { input: { employeeId: id, time: at(date, from), location: 'HQ', device: 'kiosk' } },
      hr,
    );
    expect(checkIn.errors).toBeUndefined();
    const out = await h.gql(CHECK_OUT, { input: { employeeId: id, time: at(date, to) } }, hr);
    expect(out.errors).toBeUndefined();
    return checkIn.data!.checkIn;
  };
  const eventsOf = async (type: string, id: string, date: string) =>
    (await h.events(type)).filter((e) => e.data.employeeId === id && e.data.date === date);

  it('judges a 09:07 check-in on time under v1’s 10 minutes, late under v2’s 5', async () => {
    const id = await h.hire();
    expect(await attend(id, DAY, '09:07', '17:00')).toMatchObject({ late: false });
    expect(await attend(id, LATER, '09:07', '17:00')).toMatchObject({
      late: true,
      lateByMinutes: 7,
    });

    await h.process(DAY, [id]);
    await h.process(LATER, [id]);
    expect(await eventsOf('attendance.late_arrival.detected', id, DAY)).toEqual([]);
    const [late] = await eventsOf('attendance.late_arrival.detected', id, LATER);
    expect(late.data).toMatchObject({ lateByMinutes: 7, policyVersion: 2 });
  });

  it('processes each day by its own version: planned minutes, worked and overtime', async () => {
    const id = await h.hire();
    await attend(id, DAY, '09:00', '17:30');
    await attend(id, LATER, '09:00', '17:30');
    await h.process(DAY, [id]);
    await h.process(LATER, [id]);
    const [before] = await eventsOf('attendance.day.processed', id, DAY);
    const [after] = await eventsOf('attendance.day.processed', id, LATER);
    // v1: 450 planned minutes, 510 worked, 60 over; v2: 480 planned, 30 over.
    expect(before.data).toMatchObject({
      date: DAY,
      plannedMinutes: 450,
      workedMinutes: 510,
      overtimeMinutes: 60,
      policyVersion: 1,
    });
    expect(after.data).toMatchObject({
      date: LATER,
      plannedMinutes: 480,
      workedMinutes: 510,
      overtimeMinutes: 30,
      policyVersion: 2,
    });
  });

  it('does not apply a version before the instant it takes effect', async () => {
    const id = await h.hire();
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString();
    await h.feed('compliance.policy.updated', attendancePolicy(3, tomorrow, { graceMinutes: 0 }));
    // v3 is the newest version but not yet in force: v2's 5 minutes' grace still judge.
    expect(await attend(id, LATER, '09:03', '17:00')).toMatchObject({
      late: false,
      lateByMinutes: 0,
    });
    await h.process(LATER, [id]);
    const [processed] = await eventsOf('attendance.day.processed', id, LATER);
    expect(processed.data).toMatchObject({ lateByMinutes: 0, policyVersion: 2 });
  });

  it('changes nothing when the same version arrives twice', async () => {
    const v2 = attendancePolicy(2, '2025-06-11T00:00:00.000Z', { graceMinutes: 5 });
    const before = await h.snapshot();
    await h.feed('compliance.policy.updated', { ...v2, rules: { ...v2.rules, graceMinutes: 30 } });
    expect(await h.snapshot()).toEqual(before);
  });
});
