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

async function main(): Promise<void> {
  await queryLoadBench(async (platform) => {
    const hrToken = platform.token('HR', 'service:bench');
    const seedSeconds = await seed(platform, hrToken);
    const auditLagSeconds = await waitForAudit(
      platform,
      platform.token('AUDITOR', 'service:bench'),
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
    };
  });
}

runBench(main);
