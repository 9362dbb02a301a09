import { buildSubgraphSchema } from '@apollo/subgraph';
import { validate } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { attendance, createAttendance } from '../src';
import type { AttendanceEntry, EmployeeCopy, LeaveCopy, ShiftCopy } from '../src/entities';
import { evaluateDay, lateBy, leaveOn, planDay } from '../src/rules';
import { DEFAULT_SETTINGS, readSettings } from '../src/settings';
import { londonCopy } from './support';
import { expectStartRefused } from '../../../test-support/expectStartRefused';

const ours = loadContract().filter((o) => o.file === 'attendance.graphql');

// Validation against the supergraph is schema/tests/contract.test.ts's; these checks need
// only this subgraph.
describe('attendance schema', () => {
  it('validates the mutations against the subgraph alone', () => {
    const schema = buildSubgraphSchema({
      typeDefs: attendance.typeDefs,
      resolvers: attendance.resolvers as never,
    });
    const mutations = ours.filter((o) => !['AttendanceMonth', 'LateArrivals'].includes(o.name));
    expect(mutations).toHaveLength(4);
    for (const operation of mutations) expect(validate(schema, operation.document)).toEqual([]);
  });

  it('declares the overnight job', () => {
    expect(attendance.jobs?.map((j) => j.name)).toEqual(['attendance.processDay']);
  });
});

describe('attendance rules', () => {
  const london: EmployeeCopy = londonCopy('e');
  const shift = (start: string, end: string): ShiftCopy => ({
    id: start,
    employeeId: 'e',
    scheduleId: 's',
    start: new Date(start),
    end: new Date(end),
    replaced: false,
  });

  it('is late by 14 minutes at 09:14 against 09:00 with 10 minutes grace, not at 09:10', () => {
    const plan = planDay(
      '2025-06-10',
      london,
      [],
      [shift('2025-06-10T08:00:00Z', '2025-06-10T16:00:00Z')],
      DEFAULT_SETTINGS,
    );
    expect(plan).toMatchObject({ source: 'SCHEDULE', plannedMinutes: 480 });
    expect(lateBy(new Date('2025-06-10T08:14:00Z'), plan, 10)).toBe(14);
    expect(lateBy(new Date('2025-06-10T08:10:00Z'), plan, 10)).toBe(0);
    expect(lateBy(new Date('2025-06-10T08:14:00Z'), plan, 15)).toBe(0);
  });

  it('cuts days in the employee’s zone across a clock change', () => {
    // 30 March 2025: the clocks go forward in London; 09:00 local is 08:00 UTC.
    const plan = planDay('2025-03-31', london, [], [], DEFAULT_SETTINGS);
    expect(plan.plannedStart).toEqual(new Date('2025-03-31T08:00:00Z'));
    const winter = planDay('2025-03-28', london, [], [], DEFAULT_SETTINGS);
    expect(winter.plannedStart).toEqual(new Date('2025-03-28T09:00:00Z'));
  });

  it('has no plan on a public holiday or weekend, unless a shift is published', () => {
    expect(planDay('2025-05-26', london, [], [], DEFAULT_SETTINGS).working).toBe(false);
    expect(planDay('2025-06-14', london, [], [], DEFAULT_SETTINGS).working).toBe(false);
    const rostered = planDay(
      '2025-05-26',
      london,
      [],
      [shift('2025-05-26T06:00:00Z', '2025-05-26T14:00:00Z')],
      DEFAULT_SETTINGS,
    );
    expect(rostered.working).toBe(true);
  });

  it('gives no record before hire or after termination', () => {
    const plan = planDay('2025-06-10', london, [], [], DEFAULT_SETTINGS);
    const input = { plan, entries: [] as AttendanceEntry[], leave: [], rules: DEFAULT_SETTINGS };
    expect(evaluateDay({ ...input, employee: london })).toMatchObject({ status: 'ABSENT' });
    expect(evaluateDay({ ...input, employee: { ...london, hireDate: '2025-07-01' } })).toBeNull();
    expect(
      evaluateDay({
        ...input,
        employee: { ...london, status: 'TERMINATED', terminationDate: '2025-06-01' },
      }),
    ).toBeNull();
  });

  it('takes the earliest of two approved requests over a day, in whatever order they come', () => {
    const leave = (id: string): LeaveCopy => ({
      id,
      employeeId: 'e',
      leaveType: 'ANNUAL',
      startDate: '2025-06-09',
      endDate: '2025-06-10',
      startHalf: false,
      endHalf: false,
      dates: null,
      status: 'APPROVED',
      version: 2,
    });
    const [earlier, later] = [leave('01a244a2-abec'), leave('01a244a2-c757')];
    expect(leaveOn([earlier, later], '2025-06-10')?.id).toBe(earlier.id);
    expect(leaveOn([later, earlier], '2025-06-10')?.id).toBe(earlier.id);
    expect(leaveOn([{ ...earlier, status: 'CANCELLED' }, later], '2025-06-10')?.id).toBe(later.id);
  });

  it('reads its settings from the environment and refuses bad values naming the variable', () => {
    expect(readSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ ATTENDANCE_GRACE_MINUTES: '5' }).graceMinutes).toBe(5);
    expect(() => readSettings({ ATTENDANCE_GRACE_MINUTES: 'ten' })).toThrow(
      /ATTENDANCE_GRACE_MINUTES/,
    );
    expect(() => readSettings({ ATTENDANCE_WORKDAY_START: '9am' })).toThrow(
      /ATTENDANCE_WORKDAY_START/,
    );
  });

  it('refuses to start with a bad setting, before any request needs it', async () => {
    await expectStartRefused(() => createAttendance(), 'ATTENDANCE_GRACE_MINUTES', 'ten');
  });
});
