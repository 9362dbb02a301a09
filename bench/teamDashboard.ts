import { DateTime } from 'luxon';
import { contractOperation } from '../test-support/contractOperation';
import { inParallel } from '../test-support/inParallel';
import { agreementInput, personInput } from '../test-support/seedOrganisation';
import { graphqlCall, type Call } from './lib/graphqlCall';
import { runBench } from './lib/runBench';
import { measureQueryLoad, queryLoadBench, type QueryLoad } from './lib/queryLoadBench';
import type { PlatformProcess } from './lib/startPlatformProcess';

/**
 * `npm run bench:dashboard`: TeamDashboard, a manager's view of REPORTS direct reports read
 * from six subgraphs (employees, agreements, accruals, leave, attendance, billing), through
 * the all-in-one gateway. Seeds the team with an agreement each, waits until every report
 * shows accruals and leave balances, then loads the query as the manager. Prints requests
 * per second, p50/p99, SQL statements and subgraph calls per request.
 * Knobs: REPORTS (50), CONNECTIONS (50), DURATION (20 s), WARMUP (5 s), DATABASE=postgres.
 */
const REPORTS = Number(process.env.REPORTS ?? 50);

const today = DateTime.now().setZone('Europe/London');
const variables = (managerId: string) => ({
  managerId,
  today: today.toISODate()!,
  month: today.toFormat('yyyy-MM'),
});

/** A manager and their reports, each with a year's agreement around today; the manager's id. */
async function seedTeam(platform: PlatformProcess, gql: Call): Promise<string> {
  const hr = await platform.token('HR', 'service:bench');
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
async function waitForDashboard(platform: PlatformProcess, load: QueryLoad) {
  const started = performance.now();
  const body = JSON.stringify({ query: load.query, variables: load.variables });
  for (;;) {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${load.token}` },
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
  await queryLoadBench(async (platform) => {
    const managerId = await seedTeam(platform, graphqlCall(platform));
    const load = {
      query: contractOperation('TeamDashboard'),
      variables: variables(managerId),
      token: await platform.token('MANAGER', managerId),
    };
    const settledSeconds = await waitForDashboard(platform, load);
    return {
      reports: REPORTS,
      dashboardCompleteSecondsAfterSeed: Number(settledSeconds.toFixed(1)),
      ...(await measureQueryLoad(platform, load)),
    };
  });
}

runBench(main);
