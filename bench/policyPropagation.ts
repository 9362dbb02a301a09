import { performance } from 'node:perf_hooks';
import { contractOperation } from '../test-support/contractOperation';
import { createTestPlatform, type TestPlatform } from '../test-support/createTestPlatform';
import { createPerson } from '../test-support/seedOrganisation';
import { percentile } from './lib/runLoad';
import { databaseKnob } from './lib/databaseKnob';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:policy`: how long after HR's `updateCompliancePolicy` answer the leave
 * subgraph decides with the new version. RUNS times (30), on the whole platform in this
 * process (its own databases and NATS namespace, removed afterwards), HR changes the
 * ANNUAL leave policy's notice, and an employee at once asks for leave tomorrow, again
 * every PAUSE_MS (5) until the refusal names the new version. Prints p50, p99 and max
 * of that time. Knobs: RUNS, PAUSE_MS, DATABASE (sqlite, or postgres on TEST_PG_URL).
 */
const RUNS = Number(process.env.RUNS ?? 30);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 5);
const asHr = { role: 'HR' as const, sub: 'service:hr' };

const UPDATE = `mutation ($input: UpdateCompliancePolicyInput!) {
  updateCompliancePolicy(input: $input) { version }
}`;

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** The version of the LEAVE policy leave's refusal names, or throws on any other answer. */
async function decidedVersion(tp: TestPlatform, employeeId: string): Promise<number> {
  const day = tomorrow();
  const input = { employeeId, leaveType: 'ANNUAL', startDate: day, endDate: day };
  const result = await tp.graphql(
    contractOperation('RequestLeave'),
    { input },
    {
      role: 'EMPLOYEE',
      sub: employeeId,
    },
  );
  const version = result.errors?.[0]?.extensions?.policy?.version;
  if (typeof version !== 'number') throw new Error(`Unexpected answer: ${JSON.stringify(result)}`);
  return version;
}

async function measure(tp: TestPlatform, employeeId: string, run: number): Promise<number> {
  const input = { kind: 'LEAVE', key: 'ANNUAL', leave: { noticeDays: 8 + run } };
  const result = await tp.graphql(UPDATE, { input }, asHr);
  if (result.errors) throw new Error(`update failed: ${JSON.stringify(result.errors)}`);
  const answered = performance.now();
  const version = result.data!.updateCompliancePolicy.version as number;
  while ((await decidedVersion(tp, employeeId)) !== version)
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  return performance.now() - answered;
}

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const tp = await createTestPlatform();
  const times: number[] = [];
  try {
    const person = await createPerson(tp, 'Policy', 'Reader');
    await decidedVersion(tp, person.id);
    for (let run = 0; run < RUNS; run += 1) times.push(await measure(tp, person.id, run));
  } finally {
    await tp.stop();
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    [
      `database: ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}; ${RUNS} policy changes`,
      `compliance.policy.updated -> leave decides with it: p50 ${ms(percentile(times, 50))}, ` +
        `p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1] ?? 0)}`,
    ].join('\n'),
  );
}

runBench(main);
