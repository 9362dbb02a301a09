import { DateTime } from 'luxon';
import { contractOperation } from '../test-support/contractOperation';
import { createTestDatabase } from '../test-support/database';
import { inParallel } from '../test-support/inParallel';
import { agreementInput, personInput } from '../test-support/seedOrganisation';
import { graphqlCall, type Call } from './lib/graphqlCall';
import { runBench } from './lib/runBench';
import { runLoad } from './lib/runLoad';
import { startPlatformProcess, type PlatformProcess } from './lib/startPlatformProcess';

/**
 * `npm run bench:dashboard`: TeamDashboard, a manager's view of REPORTS direct reports read
 * from six subgraphs (employees, agreements, accruals, leave, attendance, billing), through
 * the all-in-one gateway. Seeds the team with an agreement each, waits until every report
 * shows accruals and leave balances, then loads the query as the manager. Prints requests
 * per second, p50/p99, SQL statements and subgraph calls per request.
 * Knobs: REPORTS (50), CONNECTIONS (50), DURATION (20 s), WARMUP (5 s), DATABASE=postgres.
 */
const REPORTS = Number(process.env.REPORTS ?? 50);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 20) * 1000;
const WARMUP = Number(process.env.WARMUP ?? 5) * 1000;

const today = DateTime.now().setZone('Europe/London');
const variables = (managerId: string) => ({
  managerId,
  today: today.toISODate()!,
  month: today.toFormat('yyyy-MM'),
});

/** A manager and their reports, each with a year's agreement around today; the manager's id. */
async function seedTeam(platform: PlatformProcess, gql: Call): Promise<string> {
  const hr = platform.token('HR', 'service:bench');
  const hire = async (input: ReturnType<typeof personInput>) =>
    (await gql(contractOperation('CreateEmployee'), { input }, hr)).createEmployee.id!;
  const managerId = await hire(personInput('Team', 'Lead', { jobTitle: 'Ward Manager' }));
  const start = today.minus({ months: 6 }).toISODate()!;
  const end = today.plus({ months: 6 }).toISODate()!;
  await inParallel([...Array(REPORTS).keys()], 8, async (i) => {
    const reportId = await hire(personInput(`Member${i}`, 'Bench', { managerId }));
    const input = agreementInput(reportId, start, end);
    // Agreements hears of the hire by event: retry until it has.
    for (;;) {
      const accepted = await gql(contractOperation('CreateAgreement'), { input }, hr).then(
        () => true,
        () => false,
      );
      if (accepted) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  return managerId;
}

interface Report {
  accruals: unknown[] | null;
  leaveBalances: unknown[] | null;
}

/** Seconds until every report on the dashboard shows accruals and leave balances. */
async function waitForDashboard(platform: PlatformProcess, body: string, token: string) {
  const started = performance.now();
  for (;;) {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const { data } = (await response.json()) as {
      data?: { employee?: { directReports: Report[] } };
    };
    const reports = data?.employee?.directReports ?? [];
    const complete = (r: Report) =>
      (r.accruals?.length ?? 0) > 0 && (r.leaveBalances?.length ?? 0) > 0;
    if (reports.length === REPORTS && reports.every(complete))
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
    const managerId = await seedTeam(platform, graphqlCall(platform));
    const token = platform.token('MANAGER', managerId);
    const body = JSON.stringify({
      query: contractOperation('TeamDashboard'),
      variables: variables(managerId),
    });
    const settledSeconds = await waitForDashboard(platform, body, token);
    const load = {
      url: platform.url,
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      connections: CONNECTIONS,
    };
    await runLoad({ ...load, durationMs: WARMUP });
    const counters = () =>
      Promise.all([
        platform.metric('hr_db_queries_total'),
        platform.metric('gateway_subgraph_request_duration_seconds_count'),
      ]);
    const [queriesBefore, callsBefore] = await counters();
    const result = await runLoad({ ...load, durationMs: DURATION });
    const [queries, calls] = await counters();
    const perRequest = (n: number) => Number((n / result.requests).toFixed(2));
    const figures = {
      database: db.url ? 'postgresql' : 'sqlite',
      reports: REPORTS,
      dashboardCompleteSecondsAfterSeed: Number(settledSeconds.toFixed(1)),
      connections: CONNECTIONS,
      durationSeconds: DURATION / 1000,
      requests: result.requests,
      errors: result.errors,
      rps: Math.round(result.rps),
      p50Ms: Number(result.p50.toFixed(1)),
      p99Ms: Number(result.p99.toFixed(1)),
      sqlQueriesPerRequest: perRequest(queries - queriesBefore),
      subgraphCallsPerRequest: perRequest(calls - callsBefore),
    };
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await platform.stop();
    await db.drop();
  }
}

runBench(main);
