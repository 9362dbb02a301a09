/**
 * `npm run bench:nats`: what durability costs in JetStream publish throughput and ack
 * latency, side by side in one run, on nats-servers of its own (temporary ports and stores):
 *
 * - R1 on one server, JetStream's default sync (the file store fsyncs every 2 minutes);
 * - R1 and R3 on a three-server cluster (R3: a publish is acknowledged once two of the
 *   three servers have it);
 * - R1 with `jetstream { sync_interval: always }` (fsync before each ack), when the
 *   nats-server takes that setting (2.10 and later); otherwise it says so and skips it.
 *
 * Each setting is measured as the outbox relay publishes (one publish at a time, each
 * awaiting its ack) and with 32 publishes in flight, in alternating rounds. BENCH_EVENTS
 * (default 3000) publishes per measurement, BENCH_EVENT_BYTES (default 785) per event. Last,
 * what the one server's store takes on disk for what it holds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  closeNats,
  connectNats,
  createEvent,
  ensureStreams,
  eventsStream,
  findOnPath,
  type NatsClients,
  NatsServerError,
  type RunningNatsServer,
  startNatsServer,
  subjectFor,
} from '../messaging';
import { createTestNamespace, freePort } from '../messaging/testing';
import { runBench } from './lib/runBench';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
// The mean JSON size of the events a seeded platform publishes (docs/nats.md#sizing).
const EVENT_BYTES = Number(process.env.BENCH_EVENT_BYTES ?? 785);
const ROUNDS = 2;
const IN_FLIGHT = 32;

interface Setup {
  label: string;
  nats: NatsClients;
  replicas: number;
  subject: string;
  stream: string;
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

/** An event envelope as the platform publishes it, padded to about EVENT_BYTES of JSON. */
function eventPayload(): string {
  const draft = {
    type: 'time.entry.recorded',
    subject: uuidv7(),
    data: { employeeId: uuidv7(), date: '2025-03-03', minutes: 480, note: '' },
  };
  const event = createEvent(draft, { source: '/subgraphs/time', correlationId: uuidv7() });
  const size = JSON.stringify(event).length;
  event.data.note = 'x'.repeat(Math.max(0, EVENT_BYTES - size));
  return JSON.stringify(event);
}

/** A cluster of `size` JetStream servers routed to each other, under `root`. */
async function startCluster(root: string, size: number): Promise<RunningNatsServer[]> {
  const clusterPorts = await Promise.all(Array.from({ length: size }, () => freePort()));
  const routes = clusterPorts.map((port) => `nats-route://127.0.0.1:${port}`).join(', ');
  return Promise.all(
    clusterPorts.map((clusterPort, i) =>
      startNatsServer({
        storeDir: path.join(root, `node${i + 1}`),
        config:
          `server_name: bench-${i + 1}\n` +
          `cluster { name: bench, listen: "127.0.0.1:${clusterPort}", routes: [${routes}] }\n`,
      }),
    ),
  );
}

/** A single server that fsyncs before each ack, or undefined when it refuses the setting. */
async function startSyncAlways(root: string): Promise<RunningNatsServer | undefined> {
  try {
    return await startNatsServer({
      storeDir: path.join(root, 'sync-always'),
      config: `jetstream { sync_interval: always }\n`,
    });
  } catch (error) {
    if (error instanceof NatsServerError) return undefined;
    throw error;
  }
}

/** A cluster's JetStream answers once its servers have elected a leader: until then, retry. */
async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A namespace of the bench's own with its streams: the subject to publish to, the stream. */
async function streamsOn(nats: NatsClients, replicas: number) {
  const namespace = createTestNamespace();
  await retried(() => ensureStreams(nats.jsm, namespace, { replicas }));
  return { subject: subjectFor('time.entry.recorded', namespace), stream: eventsStream(namespace) };
}

/** The bytes of the files under `dir`, as allocated on disk. */
function diskBytes(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((sum, entry) => {
    if (!entry.isFile()) return sum;
    return sum + fs.statSync(path.join(entry.parentPath, entry.name)).blocks * 512;
  }, 0);
}

/** What the stream holds by JetStream's count, and what its folder takes on disk. */
async function storeFigures(setup: Setup, storeDir: string): Promise<string> {
  const { state } = await setup.nats.jsm.streams.info(setup.stream);
  const onDisk = diskBytes(path.join(storeDir, 'jetstream', '$G', 'streams', setup.stream));
  const per = (bytes: number) => (bytes / state.messages).toFixed(0);
  return (
    `${setup.label}: ${state.messages} messages, ${state.bytes} bytes by JetStream's count ` +
    `(${per(state.bytes)} B each), ${onDisk} bytes on disk (${per(onDisk)} B each)`
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** EVENTS acked publishes, `inFlight` at a time; each with a msgID, as the relay sends them. */
async function measure(setup: Setup, payload: string, inFlight: number): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < EVENTS) {
      next += 1;
      const started = process.hrtime.bigint();
      await setup.nats.js.publish(setup.subject, payload, { msgID: uuidv7(), timeout: 10_000 });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const row = (label: string, mode: string, f: Figures) =>
  `| ${label} | ${mode} | ${Math.round(f.perSecond)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} |`;

/** The mean of each figure over the rounds. */
const mean = (all: Figures[]): Figures => ({
  perSecond: all.reduce((s, f) => s + f.perSecond, 0) / all.length,
  p50: all.reduce((s, f) => s + f.p50, 0) / all.length,
  p99: all.reduce((s, f) => s + f.p99, 0) / all.length,
});

runBench(async () => {
  const command = findOnPath('nats-server', `${process.env.PATH ?? ''}:/usr/sbin:/usr/local/sbin`);
  const version = command ? execFileSync(command, ['--version']).toString().trim() : 'none';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-nats-'));
  const servers: RunningNatsServer[] = [];
  const connections: NatsClients[] = [];
  try {
    const single = await startNatsServer({ storeDir: path.join(root, 'single') });
    servers.push(single);
    const cluster = await startCluster(root, 3);
    servers.push(...cluster);
    const syncAlways = await startSyncAlways(root);
    if (syncAlways) servers.push(syncAlways);

    const connect = async (urls: string | string[]) => {
      const nats = await retried(() =>
        connectNats({ servers: urls, name: 'bench-nats', timeoutMs: 10_000 }),
      );
      connections.push(nats);
      return nats;
    };
    const singleNats = await connect(single.url);
    const clusterNats = await connect(cluster.map((s) => s.url));
    const unset = { subject: '', stream: '' };
    const setups: Setup[] = [
      { label: 'R1, one server, default sync', nats: singleNats, replicas: 1, ...unset },
      { label: 'R1, three-server cluster', nats: clusterNats, replicas: 1, ...unset },
      { label: 'R3, three-server cluster', nats: clusterNats, replicas: 3, ...unset },
    ];
    if (syncAlways) {
      const nats = await connect(syncAlways.url);
      setups.push({ label: 'R1, one server, sync always', nats, replicas: 1, ...unset });
    }
    for (const setup of setups) Object.assign(setup, await streamsOn(setup.nats, setup.replicas));

    const payload = eventPayload();
    for (const setup of setups) await measure(setup, payload, IN_FLIGHT); // warm-up
    const results = new Map<string, Figures[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const setup of setups) {
        for (const inFlight of [1, IN_FLIGHT]) {
          const key = `${setup.label}\u0000${inFlight}`;
          results.set(key, [...(results.get(key) ?? []), await measure(setup, payload, inFlight)]);
        }
      }
    }
    console.log(
      `${version}; ${os.cpus().length} CPUs; ${EVENTS} publishes of ${payload.length} B per measurement, mean of ${ROUNDS} rounds`,
    );
    if (!syncAlways)
      console.log('sync_interval: always is not taken by this nats-server (2.10+): not measured');
    console.log('| setting | publishes in flight | acked/s | p50 ms | p99 ms |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [key, figures] of results) {
      const [label, inFlight] = key.split('\u0000');
      console.log(row(label, inFlight === '1' ? '1 (as the relay)' : inFlight, mean(figures)));
    }
    console.log(await storeFigures(setups[0], path.join(root, 'single')));
  } finally {
    for (const nats of connections) await closeNats(nats.nc);
    for (const server of servers) await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
