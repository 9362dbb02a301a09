import { createRequire } from 'node:module';
import path from 'node:path';
import { contractOperation } from '../test-support/contractOperation';
import { measureQueryLoad, queryLoadBench } from './lib/queryLoadBench';
import type { PlatformProcess } from './lib/startPlatformProcess';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:gateway`: EmployeeDirectory (first: 50) through the
 * all-in-one gateway on a seeded database of EMPLOYEES people; prints requests
 * per second, p50/p99 latency and SQL queries per request.
 * Knobs: EMPLOYEES (10000), CONNECTIONS (50), DURATION (20 s), WARMUP (5 s),
 * DATABASE=postgres (a fresh database on TEST_PG_URL, dropped afterwards,
 * instead of SQLite), NATS_URL.
 * On SQLite it also times the page's two statements alone, run back to back on the
 * platform's own employees database: what one core could answer if SQLite were all a
 * request cost (`sqlAlone`).
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 10_000);
const DEPARTMENTS = ['Emergency Medicine', 'Radiology', 'Cardiology', 'Oncology', 'Paediatrics'];

async function seed(platform: PlatformProcess, token: string): Promise<number> {
  const query = contractOperation('CreateEmployee');
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < EMPLOYEES) {
      const i = next++;
      const input = {
        employeeNumber: `B${String(i).padStart(6, '0')}`,
        firstName: `First${i % 997}`,
        lastName: `Last${i}`,
        email: `person${i}@bench.example.com`,
        department: DEPARTMENTS[i % DEPARTMENTS.length],
        jobTitle: 'Staff Nurse',
        grade: 'BAND_5',
        employmentType: 'FULL_TIME',
        hireDate: '2020-01-06',
        location: 'ENGLAND_AND_WALES',
        salary: { amountMinor: 3_000_000 + i, currency: 'GBP' },
      };
      const response = await fetch(platform.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { input } }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`seeding failed: ${JSON.stringify(body.errors)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return (performance.now() - started) / 1000;
}

/** Waits until the audit log holds an entry per seeded employee, so its consumer is idle during the load. */
async function waitForAudit(platform: PlatformProcess, token: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ auditLogs(first: 1) { totalCount } }' }),
    });
    const body = (await response.json()) as { data?: { auditLogs: { totalCount: number } } };
    if ((body.data?.auditLogs.totalCount ?? 0) >= EMPLOYEES)
      return (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The parts of better-sqlite3 used here (it ships no types). */
interface Sqlite {
  prepare(sql: string): {
    all(...values: unknown[]): unknown[];
    get(...values: unknown[]): unknown;
  };
  close(): void;
}
const Database = createRequire(__filename)('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean },
) => Sqlite;

/**
 * The directory page's statements as `listEmployees` sends them (the first page of people
 * not terminated, and their count), timed alone over REPEAT runs after a warm-up.
 */
function timeSqlAlone(dataDir: string) {
  const REPEAT = 2000;
  const db = new Database(path.join(dataDir, 'employees.sqlite'), { readonly: true });
  try {
    const page = db.prepare(
      `select e.* from employees as e where e.status != ?
       order by e.last_name asc, e.first_name asc, e.id asc limit ?`,
    );
    const count = db.prepare('select count(*) as count from employees as e where e.status != ?');
    const once = () => {
      page.all('TERMINATED', 51);
      count.get('TERMINATED');
    };
    for (let i = 0; i < 200; i++) once();
    const started = performance.now();
    for (let i = 0; i < REPEAT; i++) once();
    const ms = (performance.now() - started) / REPEAT;
    return { msPerRequest: Number(ms.toFixed(3)), requestsPerCoreAtMost: Math.round(1000 / ms) };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  await queryLoadBench(async (platform) => {
    const hrToken = await platform.token('HR', 'service:bench');
    const seedSeconds = await seed(platform, hrToken);
    const auditLagSeconds = await waitForAudit(
      platform,
      await platform.token('AUDITOR', 'service:bench'),
    );
    const load = {
      query: contractOperation('EmployeeDirectory'),
      variables: { first: 50 },
      token: hrToken,
    };
    return {
      employees: EMPLOYEES,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      auditCaughtUpSecondsAfterSeed: Number(auditLagSeconds.toFixed(1)),
      ...(await measureQueryLoad(platform, load)),
      ...(process.env.DATABASE !== 'postgres' && { sqlAlone: timeSqlAlone(platform.dataDir) }),
    };
  });
}

runBench(main);
