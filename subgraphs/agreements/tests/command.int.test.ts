import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AgreementSchema, KnownEmployeeSchema } from '../src/entities';
import { startAgreements } from './support';
import { runScriptOk } from '../../../test-support/runScript';
import { suiteHarness } from '../../../test-support/suiteHarness';

const EMPLOYEES = 1000;
const YEARS = 5;

const h = suiteHarness(startAgreements);
let file: string;

const HEADER =
  'employee_number,agreement_type,start_date,end_date,fte,terms_and_conditions,salary_basis,' +
  'weekly_hours,working_days,annual_leave_days,target_annual_target_hours,target_weekend_hours';

beforeAll(async () => {
  const em = h.runtime.orm.em.fork();
  await em.insertMany(
    KnownEmployeeSchema,
    Array.from({ length: EMPLOYEES }, (_, i) => ({
      id: uuidv7(),
      employeeNumber: `C${String(i).padStart(5, '0')}`,
      managerId: null,
      terminated: false,
      version: 1,
      managerVersion: 1,
    })),
  );
  file = path.join(h.db.dataDir, 'tams.csv');
  const out = fs.createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < EMPLOYEES; i++)
    for (let y = 0; y < YEARS; y++)
      out.write(
        `C${String(i).padStart(5, '0')},AHA,${2020 + y}-04-01,${2021 + y}-03-31,0.${(i % 9) + 1},` +
          `MODERNISED,LONDON,37.5,MON|TUE|WED|THU|FRI,27,1950,${i % 300}\n`,
      );
  await new Promise((resolve) => out.end(resolve));
});

const importFile = async (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: h.db.dataDir, LOG_LEVEL: 'silent' };
  delete env.NATS_URL;
  delete env.DATABASE_URL;
  if (h.db.url) env.DATABASE_URL = h.db.url;
  const { stdout, stderr } = await runScriptOk('bin/import-agreements.ts', [file, ...args], {
    env,
  });
  return { report: JSON.parse(stdout), stderr };
};

const count = () => h.runtime.orm.em.fork().count(AgreementSchema, {});

it('a dry run of 5,000 rows reports them all and writes nothing', async () => {
  const { report, stderr } = await importFile('--dry-run');
  expect(report).toMatchObject({ created: 5000, amended: 0, unchanged: 0, rejected: 0 });
  expect(stderr).toMatch(/5000 rows read, \d+ rows\/s/);
  expect(await count()).toBe(0);
});

it('imports 5,000 rows, every event carrying the import correlation id', async () => {
  const first = await importFile();
  expect(first.report).toMatchObject({ created: 5000, rejected: 0, errors: [] });
  expect(await count()).toBe(5000);
  const outbox = await h.events();
  expect(outbox).toHaveLength(5000);
  expect(new Set(outbox.map((e) => e.correlationid))).toEqual(
    new Set([first.report.correlationId]),
  );
});
