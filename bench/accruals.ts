import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import {
  closeNats,
  connectNats,
  DEFAULT_NAMESPACE,
  ensureStreams,
  type EventEnvelope,
  eventsStream,
  type NatsClients,
  startNatsServer,
  subjectFor,
} from '../messaging';
import { createTestNamespace, deleteStreams } from '../messaging/testing';
import { contractOperation } from '../test-support/contractOperation';
import { createTestDatabase } from '../test-support/database';
import { agreementInput, personInput } from '../test-support/seedOrganisation';
import { percentile } from './lib/runLoad';
import { startPlatformProcess, type PlatformProcess } from './lib/startPlatformProcess';

/**
 * `npm run bench:accruals`: how long a recorded shift takes to reach the balances.
 * Records time entries through the gateway at a steady RATE for DURATION, and times each
 * from the mutation's start to the `accruals.balance.changed` event of its correlation id
 * (published after accruals commits the new balance). Beside it, the raw JetStream rate of
 * this machine: publishes with acks, then a pull consumer reading them back.
 * Knobs: EMPLOYEES (20), RATE (entries/s, 20), DURATION (s, 30), RAW_MESSAGES (20000),
 * DATABASE=postgres (a fresh database on TEST_PG_URL instead of SQLite).
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 20);
const RATE = Number(process.env.RATE ?? 20);
const DURATION = Number(process.env.DURATION ?? 30) * 1000;
const RAW_MESSAGES = Number(process.env.RAW_MESSAGES ?? 20_000);

/** The mutations used here answer one object of string fields, e.g. `createEmployee { id }`. */
type Data = Record<string, Record<string, string>>;

type Call = (query: string, variables: Record<string, unknown>, token: string) => Promise<Data>;

const call =
  (platform: PlatformProcess): Call =>
  async (query, variables, token) => {
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: Data; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

/** People with an agreement each, known to accruals before the load starts. */
async function seed(platform: PlatformProcess, gql: Call): Promise<string[]> {
  const hr = platform.token('HR', 'service:bench');
  const ids: string[] = [];
  for (let i = 0; i < EMPLOYEES; i++) {
    const input = personInput('Bench', `Accruals${i}`);
    ids.push((await gql(contractOperation('CreateEmployee'), { input }, hr)).createEmployee.id);
  }
  for (const employeeId of ids) {
    const input = agreementInput(employeeId, '2025-04-01', '2026-03-31');
    // Agreements learns of the employee by event: retry until it has.
    for (;;) {
      try {
        await gql(contractOperation('CreateAgreement'), { input }, hr);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  return ids;
}

/** Times each recorded entry until its balance change arrives over NATS. */
async function measureLag(platform: PlatformProcess, gql: Call, nats: NatsClients, ids: string[]) {
  const sent = new Map<string, number>();
  // A balance change can arrive before its mutation's answer does.
  const early = new Map<string, number>();
  const lags: number[] = [];
  const answers: number[] = [];
  const subscription = nats.nc.subscribe(subjectFor('accruals.balance.changed', DEFAULT_NAMESPACE));
  void (async () => {
    for await (const msg of subscription) {
      const event = msg.json<EventEnvelope>();
      const started = sent.get(event.correlationid);
      if (started === undefined) {
        if (!early.has(event.correlationid)) early.set(event.correlationid, performance.now());
        continue;
      }
      sent.delete(event.correlationid);
      lags.push(performance.now() - started);
    }
  })();
  const tokens = ids.map((id) => platform.token('EMPLOYEE', id));
  const total = Math.round((RATE * DURATION) / 1000);
  const begun = performance.now();
  const pending: Promise<void>[] = [];
  let errors = 0;
  for (let n = 0; n < total; n++) {
    const due = begun + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const who = n % ids.length;
    const slot = Math.floor(n / ids.length);
    const start = new Date(Date.UTC(2025, 3, 1) + slot * 2 * 3600_000);
    const input = {
      employeeId: ids[who],
      periodType: 'SHIFT',
      startTime: start.toISOString(),
      endTime: new Date(start.getTime() + 3600_000).toISOString(),
      mealBreakMinutes: 0,
    };
    const t0 = performance.now();
    pending.push(
      gql(contractOperation('RecordTimeEntry'), { input }, tokens[who]!).then(
        (data) => {
          answers.push(performance.now() - t0);
          const correlationId = data.recordTimeEntry.correlationId as string;
          const arrived = early.get(correlationId);
          if (arrived === undefined) sent.set(correlationId, t0);
          else lags.push(arrived - t0);
        },
        () => void (errors += 1),
      ),
    );
  }
  await Promise.all(pending);
  const offered = (performance.now() - begun) / 1000;
  const deadline = performance.now() + 120_000;
  while (sent.size > 0 && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  subscription.unsubscribe();
  lags.sort((a, b) => a - b);
  answers.sort((a, b) => a - b);
  return { total, errors, offered, missing: sent.size, lags, answers };
}

/** Raw JetStream on this machine: acked publishes, then a pull consumer reading them. */
async function rawJetStream(nats: NatsClients) {
  const ns = createTestNamespace();
  await ensureStreams(nats.jsm, ns);
  const subject = subjectFor('bench.raw.sent', ns);
  const payload = JSON.stringify({ n: 0, pad: 'x'.repeat(400) });
  try {
    let started = performance.now();
    for (let i = 0; i < RAW_MESSAGES; i += 100) {
      const batch = Array.from({ length: Math.min(100, RAW_MESSAGES - i) }, () =>
        nats.js.publish(subject, payload),
      );
      await Promise.all(batch);
    }
    const publishRate = RAW_MESSAGES / ((performance.now() - started) / 1000);
    const jsm = await jetstreamManager(nats.nc);
    await jsm.consumers.add(eventsStream(ns), {
      durable_name: 'bench',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const consumer = await nats.js.consumers.get(eventsStream(ns), 'bench');
    started = performance.now();
    let read = 0;
    while (read < RAW_MESSAGES) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 2000 });
      for await (const msg of batch) {
        msg.ack();
        read += 1;
      }
    }
    const consumeRate = RAW_MESSAGES / ((performance.now() - started) / 1000);
    return { publishRate, consumeRate };
  } finally {
    await deleteStreams(nats.jsm, ns);
  }
}

async function main(): Promise<void> {
  if (process.env.DATABASE === 'postgres') process.env.TEST_DB = 'postgres';
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-nats-'));
  const server = await startNatsServer({ storeDir });
  const db = await createTestDatabase();
  const platform = await startPlatformProcess({
    NATS_URL: server.url,
    ...(db.url && { DATABASE_URL: db.url }),
  });
  const nats = await connectNats({ servers: server.url, name: 'bench-accruals' });
  try {
    const gql = call(platform);
    const ids = await seed(platform, gql);
    // Let the agreements reach accruals before timing anything.
    await new Promise((r) => setTimeout(r, 3000));
    const lag = await measureLag(platform, gql, nats, ids);
    const raw = await rawJetStream(nats);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      [
        `database: ${db.url ? 'PostgreSQL' : 'SQLite'}; ${EMPLOYEES} employees`,
        `entries: ${lag.total} at ${RATE}/s over ${lag.offered.toFixed(1)} s, ${lag.errors} errors, ${lag.missing} never reached accruals`,
        `recordTimeEntry answered: p50 ${ms(percentile(lag.answers, 50))}, p99 ${ms(percentile(lag.answers, 99))}`,
        `recordTimeEntry -> accruals.balance.changed: p50 ${ms(percentile(lag.lags, 50))}, p99 ${ms(percentile(lag.lags, 99))}, max ${ms(lag.lags[lag.lags.length - 1] ?? 0)}`,
        `raw JetStream (${RAW_MESSAGES} messages of 0.4 KiB): publish ${raw.publishRate.toFixed(0)} msg/s (acked, 100 in flight), pull consume ${raw.consumeRate.toFixed(0)} msg/s`,
      ].join('\n'),
    );
  } finally {
    await closeNats(nats.nc);
    await platform.stop();
    await server.stop();
    await db.drop();
    fs.rmSync(storeDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
