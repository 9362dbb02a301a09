import {
  CHECK_IN,
  CHECK_OUT,
  DAY,
  DAYS,
  MANUAL,
  PROCESS,
  SUMMARY,
  at,
  hr,
  onlyError,
  reps,
  startAttendance,
  type AttendanceHarness,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('attendance: bad input names its field', () => {
  const h = suiteHarness(startAttendance);
  let id: string;
  beforeAll(async () => {
    id = await h.hire();
  });

  const expectField = (reply: Awaited<ReturnType<AttendanceHarness['gql']>>, field: string) =>
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });

  const checkIn = (overrides: Record<string, unknown>) => ({
    employeeId: id,
    time: at(DAY, '09:00'),
    location: 'HQ',
    device: 'kiosk',
    ...overrides,
  });

  it.each([
    ['employeeId', { employeeId: 'not-an-id' }],
    ['time', { time: '2025-06-10 09:00' }],
    ['time', { time: '2025-06-10T09:00:00' }],
    ['time', { time: '2025-02-30T09:00:00Z' }],
    ['time', { time: '2999-01-01T09:00:00Z' }],
    ['location', { location: '' }],
    ['location', { location: 'x'.repeat(201) }],
    ['device', { device: '  ' }],
    // Control characters are refused before the domain's own checks, named by argument path.
    ['input.device', { device: 'bad\u0000device' }],
    ['idempotencyKey', { idempotencyKey: 'k'.repeat(201) }],
  ])('checkIn: %s', async (field, overrides) => {
    expectField(await h.gql(CHECK_IN, { input: checkIn(overrides) }, hr), field);
  });

  it('checkIn: employeeId is required for a caller who is no employee', async () => {
    const { employeeId: _id, ...input } = checkIn({});
    expectField(
      await h.gql(CHECK_IN, { input }, { role: 'SYSTEM', sub: 'service:kiosk' }),
      'employeeId',
    );
  });

  it.each([
    ['employeeId', { employeeId: '123' }],
    ['time', { time: 'yesterday' }],
    ['location', { location: 'x'.repeat(201) }],
    ['device', { device: '' }],
  ])('checkOut: %s', async (field, overrides) => {
    expectField(await h.gql(CHECK_OUT, { input: { employeeId: id, ...overrides } }, hr), field);
  });

  const manual = (overrides: Record<string, unknown>) => ({
    employeeId: id,
    checkInTime: at(DAY, '09:00'),
    checkOutTime: at(DAY, '17:00'),
    reason: 'Reader down',
    ...overrides,
  });

  it.each([
    ['employeeId', { employeeId: 'x' }],
    ['checkInTime', { checkInTime: '09:00' }],
    ['checkInTime', { checkInTime: '2999-06-10T09:00:00Z' }],
    ['checkOutTime', { checkOutTime: '2025-06-10T25:00:00Z' }],
    ['checkOutTime', { checkOutTime: at(DAY, '08:00') }],
    ['reason', { reason: '' }],
    ['correctsEntryId', { correctsEntryId: 'nope' }],
    ['idempotencyKey', { idempotencyKey: 'k'.repeat(201) }],
  ])('recordManualAttendance: %s', async (field, overrides) => {
    expectField(await h.gql(MANUAL, { input: manual(overrides) }, hr), field);
  });

  it('recordManualAttendance: an unknown entry to correct is NOT_FOUND naming the field', async () => {
    const reply = await h.gql(
      MANUAL,
      { input: manual({ correctsEntryId: '0190a3c4-0000-7000-8000-000000000001' }) },
      hr,
    );
    expect(onlyError(reply).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'correctsEntryId',
    });
  });

  it.each([
    ['date', { date: '2025-13-01' }],
    ['date', { date: 'today' }],
    ['employeeIds[1]', { date: DAY, employeeIds: ['0190a3c4-0000-7000-8000-000000000001', 'x'] }],
  ])('processAttendanceDay: %s', async (field, input) => {
    expectField(await h.gql(PROCESS, { input }, hr), field);
  });

  it.each([
    ['from', { from: '2025-06-31', to: DAY }],
    ['to', { from: DAY, to: '2025-06-01' }],
    ['to', { from: '2024-01-01', to: '2025-06-01' }],
  ])('Employee.attendance: %s', async (field, range) => {
    expectField(await h.gql(DAYS, { reps: reps(id), ...range }, hr), field);
  });

  it.each(['2025-6', '2025-13', 'June', '2025-06-01'])(
    'Employee.attendanceSummary: month %s',
    async (month) => {
      expectField(await h.gql(SUMMARY, { reps: reps(id), month }, hr), 'month');
    },
  );
});
