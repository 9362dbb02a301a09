import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  createEvent,
  createNamespace,
  type EventEnvelope,
  type Namespace,
  ensureStreams,
  loadCatalogue,
  type NatsClients,
  subjectFor,
} from '../messaging';
import { deleteStreams } from '../messaging/testing';
import { createAccruals } from '../subgraphs/accruals/src';
import { createTestDatabase, type TestDatabase } from '../test-support/database';
import { agreementCreatedData, createdData } from '../test-support/employeeEvents';
import { startSubgraph } from '../test-support/startSubgraph';
import { processCpuSeconds } from './lib/processCpuSeconds';
import { measureWithNats, runBench } from './lib/runBench';

/**
 * `npm run bench:replicas`: how a backlog of time entries is applied by one replica of
 * accruals and by two, side by side on PostgreSQL. Each run has a fresh database and
 * namespace; the replicas are processes of their own sharing the durable consumer, and the
 * backlog (EMPLOYEES (100) hires and agreements, then ENTRIES (100) shifts each, dealt
 * round the employees) is published once they run. Prints for each run the time until
 * every event is applied, the CPU of each replica and of PostgreSQL's backends, and how
 * often a backend was seen waiting on a lock (sampled every 50 ms), so the scaling can be
 * computed where two cores cannot show it. Knobs: EMPLOYEES, ENTRIES, PROFILE_DIR (a CPU
 * profile of each replica), TEST_PG_URL, TEST_NATS_URL.
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 100);
/** Where each replica writes its CPU profile (a .cpuprofile per process), when set. */
const PROFILE_DIR = process.env.PROFILE_DIR;
const profileArgs = () => (PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
const ENTRIES = Number(process.env.ENTRIES ?? 100);

const catalogue = loadCatalogue();

const event = (type: string, subject: string, data: Record<string, unknown>) =>
  catalogue.validate(
    createEvent(
      { type, subject, data },
      { source: `/subgraphs/${type.split('.')[0]}`, correlationId: uuidv7(), actor: 'bench' },
    ),
  );

/** The n-th weekday from 2025-04-01, 07:00 to 15:00 UTC. */
function shift(n: number) {
  const day = new Date(Date.UTC(2025, 3, 1 + Math.floor(n / 5) * 7 + (n % 5)));
  const date = day.toISOString().slice(0, 10);
  return { startTime: `${date}T07:00:00.000Z`, endTime: `${date}T15:00:00.000Z` };
}

/** Hires and agreements first, then the shifts dealt one per employee in turn. */
function backlog(): EventEnvelope[] {
  const ids = Array.from({ length: EMPLOYEES }, () => uuidv7());
  const events = ids.flatMap((id) => [
    event('employees.employee.created', id, createdData(id)),
    event('agreements.agreement.created', id, agreementCreatedData(id, 1950)),
  ]);
  for (let n = 0; n < ENTRIES; n += 1)
    for (const employeeId of ids) {
      const entryId = uuidv7();
      events.push(
        event('time.entry.recorded', entryId, {
          employeeId,
          entryId,
          version: 1,
          periodType: 'SHIFT',
          shiftType: null,
          ...shift(n),
          mealBreakMinutes: 0,
        }),
      );
    }
  return events;
}

async function publish(nats: NatsClients, ns: Namespace, events: EventEnvelope[]) {
  for (let i = 0; i < events.length; i += 500)
    await Promise.all(
      events
        .slice(i, i + 500)
        .map((e) => nats.js.publish(subjectFor(e.type, ns), JSON.stringify(e), { msgID: e.id })),
    );
}

/** A replica in a process of its own, resolved once its consumer runs. */
function startReplica(db: TestDatabase, namespace: string): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'lib/accrualsReplica.ts'), {
    execArgv: ['--import', 'tsx', ...profileArgs()],
    env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: db.dataDir, NAMESPACE: namespace },
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`replica exited with ${code}`)));
  });
}

const stopReplica = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.send('stop');
  });

interface Run {
  seconds: number;
  replicaCpu: number[];
  postgresCpu: number;
  lockWaitShare: number;
}

/** CPU seconds of this database's backends, which live as long as the replicas' pools. */
async function backendCpu(pg: Client): Promise<number> {
  const { rows } = await pg.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  let total = 0;
  for (const { pid } of rows) total += processCpuSeconds(pid);
  return total;
}

async function run(nats: NatsClients, events: EventEnvelope[], replicas: number): Promise<Run> {
  const db = await createTestDatabase();
  const namespaceId = `R${crypto.randomBytes(4).toString('hex')}`;
  const namespace = createNamespace(namespaceId);
  await ensureStreams(nats.jsm, namespace);
  // The schema is made once here, so the replicas start on it without racing to make it.
  await (await startSubgraph(createAccruals(), { db, runWorkers: false })).stop();
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < replicas; i += 1) children.push(await startReplica(db, namespaceId));
    const cpuBefore = children.map((c) => processCpuSeconds(c.pid!));
    const pgBefore = await backendCpu(pg);
    const started = performance.now();
    await publish(nats, namespace, events);
    let samples = 0;
    let waiting = 0;
    for (;;) {
      const { rows } = await pg.query<{ seen: string; waiting: string }>(
        `select (select count(*) from accruals.accruals_correlations) as seen,
                (select count(*) from pg_stat_activity where datname = current_database()
                   and wait_event_type = 'Lock') as waiting`,
      );
      samples += 1;
      waiting += Number(rows[0]!.waiting) > 0 ? 1 : 0;
      if (Number(rows[0]!.seen) >= events.length) break;
      if (performance.now() - started > 1_800_000) throw new Error('not applied in 30 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds,
      replicaCpu: children.map((c, i) => processCpuSeconds(c.pid!) - cpuBefore[i]!),
      postgresCpu: (await backendCpu(pg)) - pgBefore,
      lockWaitShare: waiting / samples,
    };
  } finally {
    await Promise.all(children.map(stopReplica));
    await pg.end();
    await deleteStreams(nats.jsm, namespace);
    await db.drop();
  }
}

async function main(): Promise<void> {
  process.env.TEST_DB = 'postgres';
  await measureWithNats('bench-replicas', async (nats) => {
    const events = backlog();
    const lines = [
      `PostgreSQL; backlog of ${events.length} events: ${EMPLOYEES} hires and agreements, ` +
        `${EMPLOYEES * ENTRIES} time entries`,
    ];
    const rates: number[] = [];
    for (const replicas of [1, 2]) {
      const r = await run(nats, events, replicas);
      const rate = events.length / r.seconds;
      rates.push(rate);
      const cpu = r.replicaCpu.map((s) => `${s.toFixed(1)} s`).join(' + ');
      lines.push(
        `${replicas} replica${replicas > 1 ? 's' : ''}: ${r.seconds.toFixed(1)} s, ` +
          `${rate.toFixed(0)} events/s; CPU: replicas ${cpu}, PostgreSQL ${r.postgresCpu.toFixed(1)} s; ` +
          `a backend waiting on a lock in ${(r.lockWaitShare * 100).toFixed(0)} % of samples`,
      );
    }
    return [...lines, `two replicas / one: ${(rates[1]! / rates[0]!).toFixed(2)}x`];
  });
}

runBench(main);
