import { performance } from 'node:perf_hooks';
import { contractOperation } from '../test-support/contractOperation';
import { createTestPlatform } from '../test-support/createTestPlatform';
import { agreementInput, createPerson } from '../test-support/seedOrganisation';
import { percentile } from './lib/runLoad';
import { databaseKnob } from './lib/databaseKnob';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:onboarding`: how long after HR's "employee created" answer an agreement
 * for them is accepted. RUNS times (50) in a row, on the whole platform in this process
 * (the test platform: its own databases and NATS namespace, removed afterwards), it
 * creates an employee and at once creates their agreement, trying again every PAUSE_MS
 * (5) while the answer is UNKNOWN_EMPLOYEE. Prints p50, p99 and max of that time, and
 * how many tries it took. Knobs: RUNS, PAUSE_MS, DATABASE (sqlite, or postgres: a fresh
 * database on TEST_PG_URL).
 */
const RUNS = Number(process.env.RUNS ?? 50);
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 5);
const asHr = { role: 'HR' as const, sub: 'service:hr' };

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const tp = await createTestPlatform();
  const times: number[] = [];
  const tries: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const person = await createPerson(tp, 'New', `Starter${run}`);
      const created = performance.now();
      const input = agreementInput(person.id, '2025-04-01', '2026-03-31');
      for (let attempt = 1; ; attempt += 1) {
        const result = await tp.graphql(contractOperation('CreateAgreement'), { input }, asHr);
        if (!result.errors) {
          times.push(performance.now() - created);
          tries.push(attempt);
          break;
        }
        if (result.errors[0]?.extensions?.reason !== 'UNKNOWN_EMPLOYEE')
          throw new Error(`createAgreement failed: ${JSON.stringify(result.errors)}`);
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }
  } finally {
    await tp.stop();
  }
  times.sort((a, b) => a - b);
  tries.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    [
      `database: ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}; ${RUNS} hires`,
      `employee created -> agreement accepted: p50 ${ms(percentile(times, 50))}, ` +
        `p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1] ?? 0)}`,
      `tries per agreement: p50 ${percentile(tries, 50)}, max ${tries[tries.length - 1] ?? 0}, ` +
        `first try accepted ${tries.filter((n) => n === 1).length} of ${RUNS}`,
    ].join('\n'),
  );
}

runBench(main);
