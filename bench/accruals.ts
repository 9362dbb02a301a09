import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import { ensureStreams, eventsStream, type NatsClients, subjectFor } from '../messaging';
import { createTestNamespace, deleteStreams } from '../messaging/testing';
import { graphqlCall } from './lib/graphqlCall';
import { recordTimeEntries } from './lib/recordTimeEntries';
import { percentile } from './lib/runLoad';
import { seedAgreedEmployees } from './lib/seedAgreedEmployees';
import { startIsolatedPlatform } from './lib/startIsolatedPlatform';
import type { PlatformProcess } from './lib/startPlatformProcess';
import { watchEventLags } from './lib/watchEventLags';
import { runBench } from './lib/runBench';

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

/** Times each recorded entry until its balance change arrives over NATS. */
async function measureLag(platform: PlatformProcess, nats: NatsClients, ids: string[]) {
  const balances = watchEventLags(nats, 'accruals.balance.changed');
  const recorders = await Promise.all(
    ids.map(async (id) => ({ id, token: await platform.token('EMPLOYEE', id) })),
  );
  const load = await recordTimeEntries(
    graphqlCall(platform),
    recorders,
    { rate: RATE, durationMs: DURATION },
    (correlationId, startedAt, employeeId) => balances.expect(correlationId, startedAt, employeeId),
  );
  await balances.settle(120_000);
  const { lags, missing } = balances.stop();
  return {
    total: load.total,
    errors: load.errors,
    offered: load.answeredSeconds,
    missing,
    lags,
    answers: load.answers,
  };
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
  const isolated = await startIsolatedPlatform('bench-accruals');
  const { platform, nats } = isolated;
  try {
    const ids = await seedAgreedEmployees(platform, graphqlCall(platform), EMPLOYEES, 'Accruals');
    // Let the agreements reach accruals before timing anything.
    await new Promise((r) => setTimeout(r, 3000));
    const lag = await measureLag(platform, nats, ids);
    const raw = await rawJetStream(nats);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      [
        `database: ${isolated.database}; ${EMPLOYEES} employees`,
        `entries: ${lag.total} at ${RATE}/s over ${lag.offered.toFixed(1)} s, ${lag.errors} errors, ${lag.missing} never reached accruals`,
        `recordTimeEntry answered: p50 ${ms(percentile(lag.answers, 50))}, p99 ${ms(percentile(lag.answers, 99))}`,
        `recordTimeEntry -> accruals.balance.changed: p50 ${ms(percentile(lag.lags, 50))}, p99 ${ms(percentile(lag.lags, 99))}, max ${ms(lag.lags[lag.lags.length - 1] ?? 0)}`,
        `raw JetStream (${RAW_MESSAGES} messages of 0.4 KiB): publish ${raw.publishRate.toFixed(0)} msg/s (acked, 100 in flight), pull consume ${raw.consumeRate.toFixed(0)} msg/s`,
      ].join('\n'),
    );
  } finally {
    await isolated.stop();
  }
}

runBench(main);
