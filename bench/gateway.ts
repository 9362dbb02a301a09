import { contractOperation } from '../test-support/contractOperation';
import { createTestDatabase } from '../test-support/database';
import { runLoad } from './lib/runLoad';
import { startPlatformProcess, type PlatformProcess } from './lib/startPlatformProcess';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:gateway`: EmployeeDirectory (first: 50) through the
 * all-in-one gateway on a seeded database of EMPLOYEES people; prints requests
 * per second, p50/p99 latency and SQL queries per request.
 * Knobs: EMPLOYEES (10000), CONNECTIONS (50), DURATION (20 s), WARMUP (5 s),
 * DATABASE=postgres (a fresh database on TEST_PG_URL, dropped afterwards,
 * instead of SQLite), NATS_URL.
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 10_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 20) * 1000;
const WARMUP = Number(process.env.WARMUP ?? 5) * 1000;
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

async function main(): Promise<void> {
  if (process.env.DATABASE === 'postgres') process.env.TEST_DB = 'postgres';
  const db = await createTestDatabase();
  const platform = await startPlatformProcess({
    ...(db.url && { DATABASE_URL: db.url }),
    ...(process.env.NATS_URL && { NATS_URL: process.env.NATS_URL }),
    // The load stands for many clients under one token: no per-identity cap holds it.
    GATEWAY_MAX_CONCURRENT_PER_IDENTITY: String(CONNECTIONS),
  });
  try {
    const hrToken = platform.token('HR', 'service:bench');
    const seedSeconds = await seed(platform, hrToken);
    const auditLagSeconds = await waitForAudit(
      platform,
      platform.token('AUDITOR', 'service:bench'),
    );
    const load = {
      url: platform.url,
      body: JSON.stringify({
        query: contractOperation('EmployeeDirectory'),
        variables: { first: 50 },
      }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hrToken}` },
      connections: CONNECTIONS,
    };
    await runLoad({ ...load, durationMs: WARMUP });
    const queriesBefore = await platform.metric('hr_db_queries_total');
    const result = await runLoad({ ...load, durationMs: DURATION });
    const queries = (await platform.metric('hr_db_queries_total')) - queriesBefore;
    const figures = {
      database: db.url ? 'postgresql' : 'sqlite',
      employees: EMPLOYEES,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      auditCaughtUpSecondsAfterSeed: Number(auditLagSeconds.toFixed(1)),
      connections: CONNECTIONS,
      durationSeconds: DURATION / 1000,
      requests: result.requests,
      errors: result.errors,
      rps: Math.round(result.rps),
      p50Ms: Number(result.p50.toFixed(1)),
      p99Ms: Number(result.p99.toFixed(1)),
      sqlQueriesPerRequest: Number((queries / result.requests).toFixed(2)),
    };
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await platform.stop();
    await db.drop();
  }
}

runBench(main);
