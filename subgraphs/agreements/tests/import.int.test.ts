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

it('a file gives each agreement once: a second row for it is refused, naming the first', async () => {
  const twice = csv(row('I0005'), row('I0005', { fte: '0.6' }));
  const report = await run(twice);
  expect(report).toMatchObject({ created: 1, amended: 0, unchanged: 0, rejected: 1 });
  expect(report.errors).toEqual([
    {
      row: 3,
      column: 'start_date',
      message:
        'Row 2 already gives the agreement of I0005 starting 2025-04-01; ' +
        'a file gives each agreement once.',
    },
  ]);
  // So the same file again changes nothing, where it used to amend the agreement to and fro.
  const before = await h.snapshot();
  expect(await run(twice)).toMatchObject({ created: 0, amended: 0, unchanged: 1, rejected: 1 });
  expect(await h.snapshot()).toEqual(before);
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

describe('files that try the reader', () => {
  beforeAll(async () => {
    for (let i = 1; i <= 4; i++) await h.knownEmployee(`F000${i}`);
  });

  const jsonl = (...objects: unknown[]) => objects.map((o) => JSON.stringify(o)).join('\n');
  const terms = {
    agreement_type: 'AHA',
    start_date: '2027-04-01',
    end_date: '2028-03-31',
    fte: 1,
    terms_and_conditions: 'MODERNISED',
    salary_basis: 'NATIONAL',
    weekly_hours: 37.5,
    working_days: 'MON|TUE',
    annual_leave_days: 27,
    target_annual_target_hours: 1950,
  };

  it('reports a JSON line whose value is an object as a bad row, and reads on', async () => {
    const reply = await h.gql(IMPORT, {
      input: {
        format: 'JSONL',
        content: jsonl(
          { ...terms, employee_number: { toString: 1 } },
          { ...terms, employee_number: 'F0001', fte: [1] },
          { ...terms, employee_number: 'F0002' },
        ),
      },
    });
    expect(reply.errors).toBeUndefined();
    const report = reply.data!.importAgreements;
    expect(report).toMatchObject({ created: 1, rejected: 2 });
    expect(report.errors).toEqual([
      { row: 1, column: 'employee_number', message: 'employee_number must be text.' },
      {
        row: 2,
        column: 'fte',
        message: 'fte must be a number ≥ 0 with at most 4 decimal places, got [1].',
      },
    ]);
  });

  it('refuses a CSV file naming a column twice, which would make one value win unseen', async () => {
    const reply = await h.gql(IMPORT, {
      input: { format: 'CSV', content: `${HEADER},FTE\n${row('F0003')},0.5\n` },
    });
    expect(reply.errors?.[0].message).toBe(
      'This is not a TAMS CSV file: the column fte is named twice.',
    );
    expect(reply.errors?.[0].extensions).toMatchObject({ field: 'content' });
  });

  it('refuses a JSON line naming a column twice in two spellings', async () => {
    const reply = await h.gql(IMPORT, {
      input: {
        format: 'JSONL',
        content: jsonl({ ...terms, employee_number: 'F0003', EMPLOYEE_NUMBER: 'F0004' }),
      },
    });
    expect(reply.data!.importAgreements).toMatchObject({
      created: 0,
      rejected: 1,
      errors: [{ row: 1, column: null, message: 'The line names employee_number twice.' }],
    });
  });

  it('reports the rows of a file whose rows cannot be read, not "no header row"', async () => {
    const report = await run(`${HEADER}\nF0003,"AHA\nF0004,AHA,only,three\n`);
    expect(report).toMatchObject({ created: 0, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ column: null });
  });

  it('reads a JSON lines file that begins with a byte-order mark', async () => {
    const reply = await h.gql(IMPORT, {
      input: { format: 'JSONL', content: `\uFEFF${jsonl({ ...terms, employee_number: 'F0003' })}` },
    });
    expect(reply.data!.importAgreements).toMatchObject({ created: 1, rejected: 0, errors: [] });
  });

  it('names the first 20 unknown columns and counts the rest in one note', async () => {
    const extra = Array.from({ length: 25 }, (_, i) => `extra_${i}`);
    const content = `${HEADER},${extra.join(',')}\n${row('F0004', { fte: '2' })}${',x'.repeat(25)}\n`;
    const report = await run(content);
    const notes = report.errors.filter((e: { row: number }) => e.row === 1);
    expect(notes).toHaveLength(21);
    expect(notes[20]).toEqual({
      row: 1,
      column: 'extra_20',
      message: '5 more unknown columns are ignored.',
    });
    expect(report.errors.find((e: { row: number }) => e.row === 2)).toMatchObject({
      column: 'fte',
    });
  });

  it('quotes a long bad value back cut short, and a number as given', async () => {
    const report = await run(csv(row('F0004', { weekly_hours: '9'.repeat(5000) })));
    expect(report.errors[0].message).toBe(
      `weekly_hours must be a number ≥ 0 with at most 2 decimal places, got "${'9'.repeat(39)}….`,
    );
    const reply = await h.gql(IMPORT, {
      input: { format: 'JSONL', content: '{"employee_number":"F0004","fte":1e309}' },
    });
    expect(reply.data!.importAgreements.errors).toContainEqual({
      row: 1,
      column: 'fte',
      message: 'fte must be a number ≥ 0 with at most 4 decimal places, got Infinity.',
    });
  });
});
