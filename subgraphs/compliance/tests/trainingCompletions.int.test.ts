import { v7 as uuidv7 } from 'uuid';
import { dataOf, onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, startCompliance } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const CREATE = `mutation ($input: CreateTrainingCourseInput!) {
  createTrainingCourse(input: $input) { id }
}`;
const RECORD = `mutation ($input: RecordTrainingCompletionInput!) {
  recordTrainingCompletion(input: $input) { id employeeId dueDate completedOn expiresOn status course { code } }
}`;
const IMPORT = `mutation ($input: ImportTrainingCompletionsInput!) {
  importTrainingCompletions(input: $input) { rows recorded unchanged problems { row column message } }
}`;

describe('training completions', () => {
  const h = suiteHarness(startCompliance);
  let fire: string;
  beforeAll(async () => {
    fire = (
      await h.gql(CREATE, { input: { code: 'FIRE', title: 'Fire safety', validityMonths: 12 } })
    ).data!.createTrainingCourse.id;
    await h.gql(CREATE, { input: { code: 'ETHICS', title: 'Ethics' } });
  });

  const assignments = (employeeId: string) =>
    h.runtime.orm.em.fork().find('TrainingAssignment', { employeeId });

  it('records a completion; one of a course not assigned makes the assignment, due that day', async () => {
    const a = await h.hire();
    const reply = await h.gql(RECORD, {
      input: { employeeId: a, courseId: fire, completedOn: '2025-03-31' },
    });
    expect(dataOf(reply).recordTrainingCompletion).toMatchObject({
      employeeId: a,
      dueDate: '2025-03-31',
      completedOn: '2025-03-31',
      expiresOn: '2026-03-31',
      status: 'COMPLETED',
      course: { code: 'FIRE' },
    });
    const [event] = (await h.events('compliance.training.completed')).filter(
      (e) => e.data.employeeId === a,
    );
    expect(event!.data).toMatchObject({
      completedOn: '2025-03-31',
      expiresOn: '2026-03-31',
      previousCompletedOn: null,
      source: 'MANUAL',
    });
    // An earlier completion changes nothing.
    await h.gql(RECORD, { input: { employeeId: a, courseId: fire, completedOn: '2025-01-01' } });
    expect(await assignments(a)).toMatchObject([{ completedOn: '2025-03-31' }]);
  });

  it('refuses completions in the future, bad dates, unknown people, and non-HR callers', async () => {
    const a = await h.hire();
    const cases: [Record<string, unknown>, string][] = [
      [{ employeeId: a, courseId: fire, completedOn: '2025-11-02' }, 'input.completedOn'],
      [{ employeeId: a, courseId: fire, completedOn: '1960-01-01' }, 'input.completedOn'],
      [{ employeeId: a, courseId: fire, completedOn: 'yesterday' }, 'input.completedOn'],
      [{ employeeId: uuidv7(), courseId: fire, completedOn: '2025-10-01' }, 'input.employeeId'],
    ];
    for (const [input, field] of cases)
      expect(onlyError(await h.gql(RECORD, { input })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    const employee = onlyError(
      await h.gql(
        RECORD,
        { input: { employeeId: a, courseId: fire, completedOn: '2025-10-01' } },
        asEmployee(a),
      ),
    );
    expect(employee.extensions!.code).toBe('FORBIDDEN');
  });

  it('imports CSV: good rows go in, each bad row is reported with its row and column', async () => {
    const a = await h.hire();
    const b = await h.hire();
    const csv = [
      'employee_id,course_code,completed_on',
      `${a},FIRE,2025-10-01`,
      `${b},"ETHICS",2025-09-15`,
      `${uuidv7()},FIRE,2025-10-01`,
      '',
      `${a},NOPE,2025-10-01`,
      `${b},FIRE,2025-12-01`,
      `${b},FIRE`,
      `${b},"FIRE,2025-10-01`,
    ].join('\r\n');
    const reply = await h.gql(IMPORT, { input: { format: 'CSV', content: csv } });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.importTrainingCompletions).toEqual({
      rows: 7,
      recorded: 2,
      unchanged: 0,
      problems: [
        { row: 3, column: 'employee_id', message: 'No such employee is known.' },
        { row: 5, column: 'course_code', message: 'No course has this code.' },
        {
          row: 6,
          column: 'completed_on',
          message: 'completed_on must not be in the future (today is 2025-11-01).',
        },
        { row: 7, column: 'completed_on', message: 'completed_on is missing.' },
        {
          row: 8,
          column: null,
          message: 'The line is not a valid CSV row (an unclosed or stray quote).',
        },
      ],
    });
    expect(await assignments(a)).toMatchObject([
      { completedOn: '2025-10-01', expiresOn: '2026-10-01' },
    ]);
    expect(await assignments(b)).toMatchObject([{ completedOn: '2025-09-15', expiresOn: null }]);
    const events = (await h.events('compliance.training.completed')).filter((e) =>
      [a, b].includes(e.data.employeeId as string),
    );
    expect(events.map((e) => e.data.source)).toEqual(['IMPORT', 'IMPORT']);

    // The same file again changes nothing.
    const again = await h.gql(IMPORT, { input: { format: 'CSV', content: csv } });
    expect(again.data!.importTrainingCompletions).toMatchObject({
      rows: 7,
      recorded: 0,
      unchanged: 2,
    });
    expect(
      (await h.events('compliance.training.completed')).filter((e) =>
        [a, b].includes(e.data.employeeId as string),
      ),
    ).toHaveLength(2);
  });

  it('imports NDJSON; a dry run checks every row and records nothing', async () => {
    const a = await h.hire();
    const ndjson = [
      JSON.stringify({ employee_id: a, course_code: 'FIRE', completed_on: '2025-08-01' }),
      'not json',
      JSON.stringify({ employee_id: a, course_code: 'ETHICS' }),
      JSON.stringify({ employee_id: a, course_code: 'ETHICS', completed_on: '2025-02-30' }),
    ].join('\n');
    const dry = await h.gql(IMPORT, { input: { format: 'NDJSON', content: ndjson, dryRun: true } });
    expect(dry.data!.importTrainingCompletions).toEqual({
      rows: 4,
      recorded: 0,
      unchanged: 0,
      problems: [
        { row: 2, column: null, message: 'The line is not a JSON object.' },
        { row: 3, column: 'completed_on', message: 'completed_on is missing or not a string.' },
        { row: 4, column: 'completed_on', message: 'completed_on must be a date YYYY-MM-DD.' },
      ],
    });
    expect(await assignments(a)).toEqual([]);
    const real = await h.gql(IMPORT, { input: { format: 'NDJSON', content: ndjson } });
    expect(real.data!.importTrainingCompletions).toMatchObject({ rows: 4, recorded: 1 });
    expect(await assignments(a)).toMatchObject([{ completedOn: '2025-08-01' }]);
    const dryAgain = await h.gql(IMPORT, {
      input: { format: 'NDJSON', content: ndjson, dryRun: true },
    });
    expect(dryAgain.data!.importTrainingCompletions).toMatchObject({ recorded: 0, unchanged: 1 });
  });

  it('reads lines ended by a lone CR, and a leading BOM is not part of row 1', async () => {
    const a = await h.hire();
    const b = await h.hire();
    const crOnly = [
      'employee_id,course_code,completed_on',
      `${a},FIRE,2025-10-01`,
      `${a},NOPE,2025-10-01`,
    ].join('\r');
    const csv = await h.gql(IMPORT, { input: { format: 'CSV', content: crOnly, dryRun: true } });
    expect(csv.data!.importTrainingCompletions).toEqual({
      rows: 2,
      recorded: 0,
      unchanged: 0,
      problems: [{ row: 2, column: 'course_code', message: 'No course has this code.' }],
    });
    const line = JSON.stringify({
      employee_id: b,
      course_code: 'FIRE',
      completed_on: '2025-08-01',
    });
    const ndjson = await h.gql(IMPORT, { input: { format: 'NDJSON', content: `\uFEFF${line}\n` } });
    expect(ndjson.data!.importTrainingCompletions).toEqual({
      rows: 1,
      recorded: 1,
      unchanged: 0,
      problems: [],
    });
    const bomCsv = `\uFEFFemployee_id,course_code,completed_on\r\n${b},ETHICS,2025-08-01`;
    const withHeader = await h.gql(IMPORT, { input: { format: 'CSV', content: bomCsv } });
    expect(withHeader.data!.importTrainingCompletions).toMatchObject({ rows: 1, recorded: 1 });
  });

  it('refuses a file with no rows, naming input.content', async () => {
    const files: [string, string][] = [
      ['CSV', 'employee_id,course_code,completed_on'],
      ['CSV', 'employee_id,course_code,completed_on\r\n\r\n'],
      ['NDJSON', '\n \n'],
    ];
    for (const [format, content] of files)
      expect(onlyError(await h.gql(IMPORT, { input: { format, content } }))).toMatchObject({
        message: 'The file has no rows to import.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.content' },
      });
  });

  it('refuses a file without its header, or over 5,000 rows, naming input.content', async () => {
    const noHeader = onlyError(
      await h.gql(IMPORT, { input: { format: 'CSV', content: 'a,b,c\n1,2,3' } }),
    );
    expect(noHeader.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    const line = `${uuidv7()},FIRE,2025-01-01\n`;
    const big = `employee_id,course_code,completed_on\n${line.repeat(5001)}`;
    const tooBig = onlyError(await h.gql(IMPORT, { input: { format: 'CSV', content: big } }));
    expect(tooBig.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
  });
});
