import { secondProcessesOf } from '../platform/src/startup/processInfo';
import { contractOperation } from '../test-support/contractOperation';
import { personInput } from '../test-support/seedOrganisation';
import { graphqlCall } from './lib/graphqlCall';
import { processCpuSeconds } from './lib/processCpuSeconds';
import { entryInput } from './lib/recordTimeEntries';
import { runBench } from './lib/runBench';
import { seedAgreedEmployees } from './lib/seedAgreedEmployees';
import { startPlatformProcess, type PlatformProcess } from './lib/startPlatformProcess';

/**
 * `npm run bench:requests`: what one request costs the platform in CPU, operation by
 * operation, so a change to the request path shows in milliseconds rather than in a rate the
 * load generator shares the cores with. For each operation: WARMUP requests (the code
 * compiled), a pause, then REQUESTS more, CONCURRENCY at a time; then the CPU time each
 * platform process spent over them, per request, read from /proc once they are done.
 * The operations: `{ __typename }` (the gateway alone), a notification read by its
 * recipient (what a subscription's delivery runs for each event), HR sending one, and an
 * employee recording a time entry (what starts bench:pipeline's fan-out; the CPU of its
 * consumers is counted with it).
 * Knobs: REQUESTS (1500), WARMUP (1000), CONCURRENCY (4), ROUNDS (2: the operations in turn),
 * ONLY (the operations whose name holds it, e.g. `recordTimeEntry`, to profile one alone).
 */
const REQUESTS = Number(process.env.REQUESTS ?? 1500);
const WARMUP = Number(process.env.WARMUP ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const ONLY = process.env.ONLY ?? '';

const SEND = `mutation Send($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;
const READ = `query Read($id: ID!) { notification(id: $id) { id title createdAt } }`;

interface Operation {
  name: string;
  run(): Promise<unknown>;
}

async function operationsOf(platform: PlatformProcess): Promise<Operation[]> {
  const call = graphqlCall(platform);
  const hr = await platform.token('HR', 'service:bench');
  const created = await call(
    contractOperation('CreateEmployee'),
    {
      input: personInput('Request', 'Cost'),
    },
    hr,
  );
  const employeeId = created.createEmployee!.id!;
  const input = { recipientId: employeeId, title: 'Rota', body: 'Next week is out.' };
  // The notifications subgraph learns of the employee by event: wait until it may send.
  let sent: string | undefined;
  for (let i = 0; i < 300 && !sent; i++) {
    sent = await call(SEND, { input }, hr).then(
      (data) => data.sendNotification!.notificationId,
      () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100)),
    );
  }
  if (!sent) throw new Error('the notifications subgraph never learned of the employee');
  const recipient = await platform.token('EMPLOYEE', employeeId);
  const [recorderId] = await seedAgreedEmployees(platform, call, 1, 'Cost');
  const recorder = await platform.token('EMPLOYEE', recorderId!);
  let slot = 0;
  const record = () =>
    call(
      contractOperation('RecordTimeEntry'),
      { input: entryInput(recorderId!, slot++) },
      recorder,
    );
  return [
    { name: '{ __typename } (gateway alone)', run: () => call('{ __typename }', {}, hr) },
    { name: 'notification read by its recipient', run: () => call(READ, { id: sent }, recipient) },
    { name: 'sendNotification by HR', run: () => call(SEND, { input }, hr) },
    { name: 'recordTimeEntry by the employee', run: record },
  ];
}

/** Runs `count` requests of `operation`, CONCURRENCY at a time. */
async function runMany(operation: Operation, count: number): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left-- > 0) await operation.run();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function measure(pids: number[], operation: Operation): Promise<string> {
  await runMany(operation, WARMUP);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = pids.map(processCpuSeconds);
  const start = performance.now();
  await runMany(operation, REQUESTS);
  const seconds = (performance.now() - start) / 1000;
  // What the requests set going (the outbox relay, consumers) finishes within the pause.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const perRequest = pids.map((pid, i) => {
    const ms = ((processCpuSeconds(pid) - before[i]!) * 1000) / REQUESTS;
    return `${i === 0 ? 'first' : 'second'} process ${ms.toFixed(2)} ms`;
  });
  const rate = (REQUESTS / seconds).toFixed(0);
  return `${operation.name}: ${rate} requests/s; CPU per request: ${perRequest.join(', ')}`;
}

async function main(): Promise<void> {
  const platform = await startPlatformProcess();
  try {
    const operations = (await operationsOf(platform)).filter((o) => o.name.includes(ONLY));
    const pids = [platform.pid, ...secondProcessesOf(platform.dataDir)];
    const lines = [`${REQUESTS} requests each, ${CONCURRENCY} at a time, all-in-one (SQLite)`];
    for (let round = 1; round <= ROUNDS; round++) {
      lines.push(`round ${round}:`);
      for (const operation of operations) lines.push(`  ${await measure(pids, operation)}`);
    }
    console.log(lines.join('\n'));
  } finally {
    await platform.stop();
  }
}

runBench(main);
