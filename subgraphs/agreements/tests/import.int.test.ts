import { startAgreements, type AgreementsHarness } from './support';

let h: AgreementsHarness;

const IMPORT = `mutation I($input: ImportAgreementsInput!) {
  importAgreements(input: $input) {
    correlationId created amended unchanged rejected errors { row column message }
  }
}`;

const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours,target_night_hours,' +
  'target_on_call_weekday,opening_annual_target_hours';

const row = (number: string, overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    employee_number: number,
    agreement_type: 'AHA',
    start_date: '2025-04-01',
    end_date: '2026-03-31',
    fte: '1',
    terms_and_conditions: 'MODERNISED',
    salary_basis: 'NATIONAL',
    weekly_hours: '37.5',
    working_days: 'MON|TUE|WED|THU|FRI',
    annual_leave_days: '27',
    target_annual_target_hours: '1950',
    target_night_hours: '200',
    target_on_call_weekday: '10',
    opening_annual_target_hours: '',
    ...overrides,
  };
  return HEADER.split(',')
    .map((column) => values[column])
    .join(',');
};

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

const run = async (content: string, extra: Record<string, unknown> = {}) => {
  const reply = await h.gql(IMPORT, { input: { format: 'CSV', content, ...extra } });
  if (reply.errors) return { errors: reply.errors } as never;
  return reply.data!.importAgreements;
};

beforeAll(async () => {
  h = await startAgreements();
  for (let i = 1; i <= 6; i++) await h.knownEmployee(`I000${i}`);
});
afterAll(() => h.stop());

const GOOD = csv(row('I0001'), row('I0002', { fte: '0.5', opening_annual_target_hours: '120.5' }));

it('a dry run reports what would happen and writes nothing', async () => {
  const before = await h.snapshot();
  const report = await run(GOOD, { dryRun: true });
  expect(report).toMatchObject({ created: 2, amended: 0, unchanged: 0, rejected: 0, errors: [] });
  expect(await h.snapshot()).toEqual(before);
});

it('imports a CSV, with one correlation id on every event', async () => {
  const report = await run(GOOD);
  expect(report).toMatchObject({ created: 2, amended: 0, unchanged: 0, rejected: 0, errors: [] });
  const events = (await h.events()).filter((e) => e.correlationid === report.correlationId);
  expect(events.map((e) => e.type)).toEqual([
    'agreements.agreement.created',
    'agreements.agreement.created',
  ]);
  expect(events[1].data).toMatchObject({
    fte: 0.5,
    openingBalances: [{ accrualType: 'ANNUAL_TARGET_HOURS', total: 120.5 }],
  });
});

it('re-importing the same file changes nothing', async () => {
  const before = await h.snapshot();
  expect(await run(GOOD)).toMatchObject({ created: 0, amended: 0, unchanged: 2, rejected: 0 });
  expect(await h.snapshot()).toEqual(before);
});

it('a changed row amends, making version 2', async () => {
  const report = await run(
    csv(
      row('I0001', { fte: '0.75' }),
      row('I0002', { fte: '0.5', opening_annual_target_hours: '120.5' }),
    ),
  );
  expect(report).toMatchObject({ created: 0, amended: 1, unchanged: 1, rejected: 0 });
  const amended = (await h.events()).filter((e) => e.correlationid === report.correlationId);
  expect(amended).toHaveLength(1);
  expect(amended[0]).toMatchObject({
    type: 'agreements.agreement.amended',
    data: { version: 2, fte: 0.75 },
  });
});

it('a row amending what an earlier row of the same batch created stores both versions', async () => {
  const report = await run(csv(row('I0005'), row('I0005', { fte: '0.6' })));
  expect(report).toMatchObject({ created: 1, amended: 1, unchanged: 0, rejected: 0 });
  const { agreements, versions } = (await h.snapshot()) as Record<string, Record<string, any>[]>;
  const [stored] = agreements.filter((a) =>
    versions.some((v) => v.agreement_id === a.id && v.fte_units === 6000),
  );
  expect(stored).toMatchObject({ version: 2, fte_units: 6000 });
  const mine = versions.filter((v) => v.agreement_id === stored.id);
  expect(mine.map((v) => [v.version, v.fte_units])).toEqual([
    [1, 10000],
    [2, 6000],
  ]);
  const events = (await h.events()).filter((e) => e.correlationid === report.correlationId);
  expect(events.map((e) => [e.type, e.data.version, e.data.fte])).toEqual([
    ['agreements.agreement.created', 1, 1],
    ['agreements.agreement.amended', 2, 0.6],
  ]);
});

it('reports each bad row with row, column and reason, and the good rows still go in', async () => {
  const content = [
    HEADER + ',target_sleep_hours',
    row('I0003') + ',5', // row 2: good
    row('I0004', { start_date: '2025-13-01' }) + ',', // row 3: bad date
    row('I0005', { fte: '0' }) + ',', // row 4
    row('I0006', { fte: '1.5' }) + ',', // row 5
    row('X9999') + ',', // row 6: unknown employee
    row('I0001', { start_date: '2025-10-01', end_date: '2026-09-30' }) + ',', // row 7: overlap
    row('I0004', { target_annual_target_hours: '' }) + ',', // row 8: annual target missing
    row('I0005', { start_date: '2026-04-01', end_date: '2027-03-31' }) + ',5', // row 9: good
    row('I0006', { end_date: '9999-03-31' }) + ',', // row 10: an end past the calendar's window
  ].join('\n');
  const report = await run(content);
  expect(report).toMatchObject({ created: 2, amended: 0, unchanged: 0, rejected: 7 });
  const where = report.errors.map((e: { row: number; column: string }) => [e.row, e.column]);
  expect(where).toEqual([
    [1, 'target_sleep_hours'],
    [3, 'start_date'],
    [4, 'fte'],
    [5, 'fte'],
    [6, 'employee_number'],
    [7, 'end_date'],
    [8, 'target_annual_target_hours'],
    [10, 'end_date'],
  ]);
  expect(report.errors[0].message).toMatch(/Unknown accrual type SLEEP_HOURS/);
  expect(report.errors[5].message).toMatch(/overlaps agreement/);
  expect(report.errors[4].message).toMatch(/Unknown employee number X9999/);
});

it('imports JSON lines the same way, with line numbers', async () => {
  const lines = [
    JSON.stringify({
      employee_number: 'I0006',
      agreement_type: 'AHA',
      start_date: '2025-04-01',
      end_date: '2026-03-31',
      fte: 0.6,
      terms_and_conditions: 'PRE_MODERNISED',
      salary_basis: 'LONDON_PROVINCIAL',
      weekly_hours: 22.5,
      working_days: ['MON', 'WED', 'FRI'],
      annual_leave_days: 16.2,
      target_annual_target_hours: 1170,
      target_on_call_weekend: 4,
      target_tea_breaks: 3,
    }),
    '',
    JSON.stringify({ employee_number: 'I0006', start_date: 'soon' }),
    'not json',
  ].join('\n');
  const reply = await h.gql(IMPORT, { input: { format: 'JSONL', content: lines } });
  const report = reply.data!.importAgreements;
  expect(report).toMatchObject({ created: 1, rejected: 2 });
  expect(report.errors[0]).toMatchObject({ row: 1, column: 'target_tea_breaks' });
  // Row 3 is refused for its bad date and for every required column it leaves out.
  const row3 = report.errors.filter((e: { row: number }) => e.row === 3);
  expect(row3[0]).toEqual({
    row: 3,
    column: 'start_date',
    message: 'start_date must be a date as YYYY-MM-DD from 1900 to 2199, got "soon".',
  });
  expect(
    row3.slice(1).map((e: { column: string; message: string }) => [e.column, e.message]),
  ).toEqual(
    [
      'end_date',
      'agreement_type',
      'fte',
      'terms_and_conditions',
      'salary_basis',
      'weekly_hours',
      'working_days',
      'annual_leave_days',
      'target_annual_target_hours',
    ].map((column) => [column, `${column} is required.`]),
  );
  expect(report.errors.find((e: { row: number }) => e.row === 4)).toMatchObject({ column: null });
});

it('refuses a file that is not CSV, and an import by anyone but HR', async () => {
  for (const content of ['{"employee_number":"I0001"}', 'a,b\n1,2\n']) {
    const reply = await h.gql(IMPORT, { input: { format: 'CSV', content } });
    expect(reply.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'content',
    });
  }
  // Control characters are refused before the import reads the file.
  const binary = await h.gql(IMPORT, { input: { format: 'CSV', content: '\u0000\u0001binary' } });
  expect(binary.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.content',
    reason: 'CONTROL_CHARACTER',
  });
  const reply = await h.gql(
    IMPORT,
    { input: { format: 'CSV', content: GOOD } },
    { role: 'EMPLOYEE', sub: 'x' },
  );
  expect(reply.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
