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
  describeAttendance,
  type AttendanceHarness,
} from './support';

describeAttendance('attendance: bad input names its field', (h) => {
  let id: string;
  beforeAll(async () => {
    id = await h.hire();
  });

  const expectField = (reply: Awaited<ReturnType<AttendanceHarness['gql']>>, field: string) =>
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });

  /** A valid input of each mutation, for a case to spoil one field of. */
  const validInput = {
    checkIn: () => ({ employeeId: id, time: at(DAY, '09:00'), location: 'HQ', device: 'kiosk' }),
    checkOut: () => ({ employeeId: id }),
    recordManualAttendance: () => ({
      employeeId: id,
      checkInTime: at(DAY, '09:00'),
      checkOutTime: at(DAY, '17:00'),
      reason: 'Reader down',
    }),
  };
  const mutations = { checkIn: CHECK_IN, checkOut: CHECK_OUT, recordManualAttendance: MANUAL };

  it.each<[keyof typeof mutations, string, Record<string, unknown>]>([
    ['checkIn', 'employeeId', { employeeId: 'not-an-id' }],
    ['checkIn', 'time', { time: '2025-06-10 09:00' }],
    ['checkIn', 'time', { time: '2025-06-10T09:00:00' }],
    ['checkIn', 'time', { time: '2025-02-30T09:00:00Z' }],
    ['checkIn', 'time', { time: '2999-01-01T09:00:00Z' }],
    ['checkIn', 'location', { location: '' }],
    ['checkIn', 'location', { location: 'x'.repeat(201) }],
    ['checkIn', 'device', { device: '  ' }],
    // Control characters are refused before the domain's own checks, named by argument path.
    ['checkIn', 'input.device', { device: 'bad\u0000device' }],
    ['checkIn', 'idempotencyKey', { idempotencyKey: 'k'.repeat(201) }],
    ['checkOut', 'employeeId', { employeeId: '123' }],
    ['checkOut', 'time', { time: 'yesterday' }],
    ['checkOut', 'location', { location: 'x'.repeat(201) }],
    ['checkOut', 'device', { device: '' }],
    ['recordManualAttendance', 'employeeId', { employeeId: 'x' }],
    ['recordManualAttendance', 'checkInTime', { checkInTime: '09:00' }],
    ['recordManualAttendance', 'checkInTime', { checkInTime: '2999-06-10T09:00:00Z' }],
    ['recordManualAttendance', 'checkOutTime', { checkOutTime: '2025-06-10T25:00:00Z' }],
    ['recordManualAttendance', 'checkOutTime', { checkOutTime: at(DAY, '08:00') }],
    // Past 24 hours a check-in counts as forgotten: no entry lasts longer.
    [
      'recordManualAttendance',
      'checkOutTime',
      { checkInTime: '2000-01-01T09:00:00Z', checkOutTime: at(DAY, '17:00') },
    ],
    ['recordManualAttendance', 'reason', { reason: '' }],
    ['recordManualAttendance', 'correctsEntryId', { correctsEntryId: 'nope' }],
    ['recordManualAttendance', 'idempotencyKey', { idempotencyKey: 'k'.repeat(201) }],
  ])('%s: %s', async (mutation, field, overrides) => {
    const input = { ...validInput[mutation](), ...overrides };
    expectField(await h.gql(mutations[mutation], { input }, hr), field);
  });

  it('checkIn: employeeId is required for a caller who is no employee', async () => {
    const { employeeId: _id, ...input } = validInput.checkIn();
    expectField(
      await h.gql(CHECK_IN, { input }, { role: 'SYSTEM', sub: 'service:kiosk' }),
      'employeeId',
    );
  });

  it('recordManualAttendance: an unknown entry to correct is NOT_FOUND naming the field', async () => {
    const input = {
      ...validInput.recordManualAttendance(),
      correctsEntryId: '0190a3c4-0000-7000-8000-000000000001',
    };
    const reply = await h.gql(MANUAL, { input }, hr);
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

  it('Employee.attendance: a year of days at most, and the refusal says how far `to` may be', async () => {
    // 2024 is a leap year: 366 days from 1 January to 31 December, 365 days after it.
    const year = await h.gql(DAYS, { reps: reps(id), from: '2024-01-01', to: '2024-12-31' }, hr);
    expect(year.errors).toBeUndefined();
    const longer = await h.gql(DAYS, { reps: reps(id), from: '2024-01-01', to: '2025-01-01' }, hr);
    expect(onlyError(longer)).toMatchObject({
      message: 'to must be at most 365 days after from.',
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
  });

  it.each(['2025-6', '2025-13', 'June', '2025-06-01'])(
    'Employee.attendanceSummary: month %s',
    async (month) => {
      expectField(await h.gql(SUMMARY, { reps: reps(id), month }, hr), 'month');
    },
  );
});
