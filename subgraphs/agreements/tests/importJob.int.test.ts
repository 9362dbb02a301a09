import { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/knex';
import { waitFor } from '../../../test-support/waitFor';
import { itOnPostgres } from '../../../test-support/onPostgres';
import { plannerRows } from '../../../test-support/plannerRows';
import { AgreementSchema, ImportJobSchema, KnownEmployeeSchema } from '../src/entities';
import { importAgreements, recordsOf } from '../src/importer';
import { JOB_BATCH_SIZE } from '../src/importJobs';
import { startAgreements, type AgreementsHarness } from './support';

let h: AgreementsHarness;

const START = `mutation S($input: ImportAgreementsInput!) {
  startAgreementsImport(input: $input) { id status dryRun rowsTotal rowsDone result { created } }
}`;
const READ = `query R($id: ID!) {
  agreementsImport(id: $id) {
    id status dryRun rowsTotal rowsDone failure finishedAt
    result { correlationId created amended unchanged rejected errors { row column message } }
  }
}`;

const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours';
const row = (number: string, fte = '1', start = '2025-04-01', end = '2026-03-31') =>
  `${number},AHA,${start},${end},${fte},MODERNISED,NATIONAL,37.5,MON|TUE|WED|THU|FRI,27,1950`;
const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

const count = (employeeIds: string[]) =>
  h.runtime.orm.em.fork().count(AgreementSchema, { employeeId: { $in: employeeIds } });

beforeAll(async () => {
  h = await startAgreements();
});
afterAll(() => h.stop());

it('imports in the background, its progress moving only over rows already settled', async () => {
  const rows = 2 * JOB_BATCH_SIZE + 30;
  const ids: string[] = [];
  for (let i = 0; i < rows; i++) ids.push(await h.knownEmployee(`J${i}`));
  const lines = ids.map((_, i) => (i === 150 ? row(`J${i}`, '1.5') : row(`J${i}`)));
  const started = await h.gql(START, { input: { format: 'CSV', content: csv(lines) } });
  expect(started.errors).toBeUndefined();
  const job = started.data!.startAgreementsImport;
  expect(job).toMatchObject({ status: 'RUNNING', dryRun: false, rowsTotal: rows, result: null });

  const seen: number[] = [];
  const done = await waitFor(async () => {
    const read = (await h.gql(READ, { id: job.id })).data!.agreementsImport;
    seen.push(read.rowsDone);
    // What the job says is done is in already: the bad row (line 152) is the only one left out.
    const settled = Math.max(read.rowsDone - (read.rowsDone > 150 ? 1 : 0), 0);
    expect(await count(ids)).toBeGreaterThanOrEqual(settled);
    return read.status === 'RUNNING' ? undefined : read;
  }, 60_000);

  expect(done).toMatchObject({ status: 'DONE', rowsTotal: rows, rowsDone: rows, failure: null });
  expect(done.finishedAt).toEqual(expect.any(String));
  expect(done.result).toMatchObject({ created: rows - 1, amended: 0, unchanged: 0, rejected: 1 });
  expect(done.result.errors).toEqual([{ row: 152, column: 'fte', message: expect.any(String) }]);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.every((n) => n % JOB_BATCH_SIZE === 0 || n === rows)).toBe(true);
  expect(await count(ids)).toBe(rows - 1);
});

it('a dry run in batches reports what the real run does and writes nothing', async () => {
  const [a, b] = [await h.knownEmployee('D1'), await h.knownEmployee('D2')];
  const content = csv([
    row('D1'), // line 2: created
    row('D2'), // line 3: created
    row('D1', '0.5', '2026-04-01', '2027-03-31'), // line 4: D1's next agreement, a later batch
    row('D2', '1', '2025-10-01', '2026-09-30'), // line 5: overlaps line 3's
    row('D3', '1', 'soon'), // line 6: a date that is not one
  ]);
  const run = async (dryRun: boolean) => {
    const progress: number[] = [];
    const report = await importAgreements(recordsOf('CSV', Readable.from([content])), {
      em: h.runtime.orm.em.fork() as EntityManager,
      emit: () => undefined,
      correlationId: 'c',
      dryRun,
      batchSize: 2,
      onProgress: (n) => void progress.push(n),
    });
    return { report, progress };
  };
  const before = await h.snapshot();
  const dry = await run(true);
  expect(await h.snapshot()).toEqual(before);
  expect(dry.progress).toEqual([2, 4, 5]);
  const real = await run(false);
  // The very same: an overlap with an agreement of the file names its row, not an id the
  // dry run only makes up.
  expect(dry.report).toEqual(real.report);
  expect(real.report.errors[0].message).toBe(
    'It overlaps the agreement of row 3 (2025-04-01 to 2026-03-31) of the same employee.',
  );
  expect(real.report).toMatchObject({ created: 3, amended: 0, rejected: 2 });
  expect(real.report.errors.map((e) => [e.row, e.column])).toEqual([
    [5, 'end_date'],
    [6, 'start_date'],
  ]);
  expect(await count([a, b])).toBe(3);
});

it('a dry-run job reports and writes nothing', async () => {
  await h.knownEmployee('E1');
  const before = await h.snapshot();
  const started = await h.gql(START, {
    input: { format: 'CSV', content: csv([row('E1'), row('NOBODY')]), dryRun: true },
  });
  const { id } = started.data!.startAgreementsImport;
  const done = await waitFor(async () => {
    const read = (await h.gql(READ, { id })).data!.agreementsImport;
    return read.status === 'RUNNING' ? undefined : read;
  });
  expect(done).toMatchObject({ status: 'DONE', dryRun: true, rowsTotal: 2, rowsDone: 2 });
  expect(done.result).toMatchObject({ created: 1, rejected: 1 });
  expect(done.result.errors[0]).toMatchObject({ row: 3, column: 'employee_number' });
  const after = (await h.snapshot()) as { agreements: unknown };
  expect(after.agreements).toEqual((before as { agreements: unknown }).agreements);
});

it('refuses a file that is not TAMS at once, naming content, and starts nothing', async () => {
  const reply = await h.gql(START, { input: { format: 'CSV', content: 'a,b\n1,2\n' } });
  expect(reply.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
  const jobs = await h.runtime.orm.em.fork().count(ImportJobSchema, { rowsTotal: 1 });
  expect(jobs).toBe(0);
});

it('lets only HR and ADMIN start or follow an import', async () => {
  const started = await h.gql(START, { input: { format: 'CSV', content: csv([row('E1')]) } });
  const { id } = started.data!.startAgreementsImport;
  for (const caller of [
    { role: 'EMPLOYEE' as const, sub: uuidv7() },
    { role: 'PARTNER' as const, sub: 'p' },
  ]) {
    const start = await h.gql(START, { input: { format: 'CSV', content: csv([]) } }, caller);
    expect(start.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await h.gql(READ, { id }, caller);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  const admin = await h.gql(READ, { id }, { role: 'ADMIN', sub: uuidv7() });
  expect(admin.data!.agreementsImport.id).toBe(id);
  expect((await h.gql(READ, { id: uuidv7() })).data!.agreementsImport).toBeNull();
});

it('shows a RUNNING import whose progress stopped moving as FAILED', async () => {
  const id = uuidv7();
  const long = new Date(Date.now() - 10 * 60_000);
  const em = h.runtime.orm.em.fork();
  em.persist(
    em.create(ImportJobSchema, {
      id,
      status: 'RUNNING',
      dryRun: false,
      rowsTotal: 500,
      rowsDone: 100,
      report: null,
      failure: null,
      startedBy: 'hr',
      startedAt: long,
      updatedAt: long,
      finishedAt: null,
    }),
  );
  await em.flush();
  const read = (await h.gql(READ, { id })).data!.agreementsImport;
  expect(read).toMatchObject({ status: 'FAILED', rowsDone: 100, result: null });
  expect(read.failure).toMatch(/importing the file again is safe/);
});

itOnPostgres(
  'keeps the planner statistics of the tables it grows, as autovacuum would too late',
  async () => {
    const em = h.runtime.orm.em.fork() as EntityManager;
    const numbers = Array.from({ length: 600 }, (_, i) => `S${i}`);
    await em.insertMany(
      KnownEmployeeSchema,
      numbers.map((employeeNumber) => ({
        id: uuidv7(),
        employeeNumber,
        managerId: null,
        terminated: false,
        version: 1,
        managerVersion: 1,
      })),
    );
    const before = await em.count(AgreementSchema, {});
    const report = await importAgreements(
      recordsOf('CSV', Readable.from([csv(numbers.map((n) => row(n)))])),
      {
        em,
        emit: () => undefined,
        correlationId: 'c',
        dryRun: false,
        batchSize: 100,
      },
    );
    expect(report.created).toBe(600);
    // Analyzed once 500 rows were in, not after the last batch.
    expect(await plannerRows(em, AgreementSchema.meta.className)).toBe(before + 500);
  },
);
