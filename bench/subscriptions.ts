import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  closeNats,
  connectNats,
  DEFAULT_NAMESPACE,
  eventsStream,
  type NatsClients,
  startNatsServer,
  subjectFor,
} from '../messaging';
import { createLocalIssuer, loadConfig } from '../runtime';
import { contractOperation } from '../test-support/contractOperation';
import { personInput } from '../test-support/seedOrganisation';
import { descendantsOf } from '../platform/src/startup/processInfo';
import { percentile } from './lib/runLoad';
import { processRss } from './lib/processRss';
import { startPlatformProcess, type PlatformProcess } from './lib/startPlatformProcess';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:subscriptions`: live notifications through one gateway process.
 * Opens SUBSCRIPTIONS `notificationReceived` subscriptions over graphql-ws (PER_SOCKET on
 * each socket, one socket per recipient), then has HR send RATE notifications a second
 * for DURATION, round robin over the recipients. Each delivery is timed from the moment
 * the `notifications.notification.created` event reaches NATS (a core subscription here
 * sees it) to its arrival at the client. Reports p50/p99, delivered against expected (PER_SOCKET
 * per notification that reached NATS; the outbox is given a minute to publish them all), also
 * for the events published after the first seconds alone (the rest time the code warming up),
 * and peak memory; then the same again with `recipient { firstName lastName }` selected,
 * resolved from the employees subgraph.
 * Memory is the platform's alone (the load generator runs in this process). All-in-one runs in
 * two processes: the first serves the gateway, its sockets and most subgraphs; the second
 * (accruals, billing, audit) only consumes events here. Read after a garbage collection,
 * before the sockets open, once every subscription is live (before any event) and once the
 * events are delivered (what the load left behind): the first process's RSS and heap. Read
 * while events flow: each process's RSS every half second (from /proc, which costs the platform
 * nothing) and the heap of both every five (from `/metrics`: a scrape blocks the gateway's
 * process for about 10 ms with 2,000 sockets open, and one every half second lengthened the
 * deliveries it fell on; Prometheus scrapes every 15 s by default);
 * per subscription is (live − before) / SUBSCRIPTIONS.
 * Knobs: SUBSCRIPTIONS (5000), PER_SOCKET (10), RATE (notifications/s, 100), DURATION (s, 20),
 * PHASES (`plain,across`), HEAP_SNAPSHOT (a directory: the platform writes a heap snapshot
 * there once the first phase's subscriptions are live).
 */
const SUBSCRIPTIONS = Number(process.env.SUBSCRIPTIONS ?? 5000);
const PER_SOCKET = Number(process.env.PER_SOCKET ?? 10);
const RATE = Number(process.env.RATE ?? 100);
const DURATION = Number(process.env.DURATION ?? 20) * 1000;
const RECIPIENTS = Math.ceil(SUBSCRIPTIONS / PER_SOCKET);
const PHASES = (process.env.PHASES ?? 'plain,across').split(',');
const HEAP_SNAPSHOT = process.env.HEAP_SNAPSHOT && path.resolve(process.env.HEAP_SNAPSHOT);
// Deliveries of events published in the first seconds of sending also time the code's warm-up.
const WARM_UP_MS = 5000;
/** The heap is read from a scrape of `/metrics` at every tenth RSS sample: every five seconds. */
const HEAP_EVERY_TICKS = 10;
const SETTLE_FILE = path.join(os.tmpdir(), `hr-bench-settled-${process.pid}.json`);

const PLAIN = `subscription Plain { notificationReceived { id title createdAt } }`;
const ACROSS = `subscription Across {
  notificationReceived { id title createdAt recipient { firstName lastName } }
}`;
const TITLES = {
  plain: 'notificationReceived { id title createdAt }',
  across: '... with recipient { firstName lastName } (employees subgraph)',
};
const SEND = `mutation Send($input: SendNotificationInput!) {
  sendNotification(input: $input) { notificationId }
}`;

type Sign = (role: string, sub?: string) => Promise<string>;

async function gql(
  platform: PlatformProcess,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, Record<string, string>>> {
  const response = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data: Record<string, Record<string, string>>;
    errors?: unknown;
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const SAMPLED = [
  'gateway_subscriptions_open',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
];

/** The few gauges read here, from one scrape of the platform's `/metrics`. */
async function metrics(platform: PlatformProcess): Promise<Record<string, number>> {
  const text = await platform.scrape();
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [name, value] = line.split(' ');
    if (name && SAMPLED.includes(name)) values[name] = Number(value);
  }
  return values;
}

/** The recipients, created through the gateway ten at a time. */
async function seed(platform: PlatformProcess, sign: Sign): Promise<string[]> {
  const hr = await sign('HR', 'service:bench');
  const ids: string[] = [];
  for (let i = 0; i < RECIPIENTS; i += 10) {
    const batch = Array.from({ length: Math.min(10, RECIPIENTS - i) }, (_, j) =>
      gql(platform, hr, contractOperation('CreateEmployee'), {
        input: personInput('Reader', `Number${i + j}`),
      }),
    );
    for (const data of await Promise.all(batch)) ids.push(data.createEmployee!.id!);
  }
  return ids;
}

/**
 * Waits until the platform has done with the events so far (seeding's fan-out into every
 * subgraph): no durable on the events stream has anything pending, and the stream has not
 * grown since the last look. Memory is measured only then, so it is the subscriptions'.
 */
async function quiet(nats: NatsClients): Promise<void> {
  const stream = eventsStream(DEFAULT_NAMESPACE);
  let lastSeq = -1;
  for (;;) {
    const seq = (await nats.jsm.streams.info(stream)).state.last_seq;
    const consumers = await nats.jsm.consumers.list(stream).next();
    const busy = consumers.some((c) => c.num_pending + c.num_ack_pending > 0);
    if (!busy && seq === lastSeq) return;
    lastSeq = seq;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

interface Phase {
  latencies: number[];
  /** The latencies of events published after the first WARM_UP_MS of sending. */
  settledLatencies: number[];
  delivered: number;
  expected: number;
  sent: number;
  /** Notification events seen on NATS. */
  published: number;
  /** Sockets that received nothing. */
  silent: number;
  errors: number;
  /** Subscriptions live before the first send, and how long they took to open. */
  open: number;
  openSeconds: number;
  /** Before the sockets open, once every subscription is live, and once the events are delivered. */
  before: Memory;
  live: Memory;
  after: Memory;
  /** Peaks while events flow: RSS of the first process (the gateway's), of the second, of both. */
  peakRss: { first: number; second: number; both: number };
  /** Both processes' V8 heap used, added up by the platform's metrics. */
  peakHeap: number;
}

interface Memory {
  rss: number;
  /** V8's heap: used, and held from the system. */
  heap: number;
  heapTotal: number;
  /** Memory outside the heap that V8 knows of (buffers). */
  external: number;
}

/**
 * The platform's memory once it has collected its garbage (bench/lib/settleOnSignal.mjs):
 * what it holds, apart from garbage V8 has not yet got round to.
 */
/** Raises the peaks to the RSS the platform's processes hold now. */
function samplePeakRss(pid: number, peak: Phase['peakRss']): void {
  const first = processRss(pid);
  const second = descendantsOf(pid).reduce((sum, child) => sum + processRss(child), 0);
  peak.first = Math.max(peak.first, first);
  peak.second = Math.max(peak.second, second);
  peak.both = Math.max(peak.both, first + second);
}

async function settled(platform: PlatformProcess): Promise<Memory> {
  fs.rmSync(SETTLE_FILE, { force: true });
  process.kill(platform.pid, 'SIGUSR2');
  while (!fs.existsSync(SETTLE_FILE)) await new Promise((r) => setTimeout(r, 100));
  const usage = JSON.parse(fs.readFileSync(SETTLE_FILE, 'utf8')) as NodeJS.MemoryUsage;
  return {
    rss: usage.rss,
    heap: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
  };
}

/** Each kind of subscription error once, with how often it came (a close says its code). */
const errorsSeen = new Map<string, number>();
function reportError(error: unknown): void {
  const { code, reason, message } = error as { code?: number; reason?: string; message?: string };
  // A socket's error event is no Error, but carries a message.
  const text =
    code !== undefined
      ? `socket closed ${code} ${reason ?? ''}`
      : (message ?? JSON.stringify(error));
  const seen = (errorsSeen.get(text) ?? 0) + 1;
  errorsSeen.set(text, seen);
  if (seen === 1) console.error('subscription error:', text);
}

/** Opens PER_SOCKET subscriptions on one socket per recipient; resolves once all are acknowledged. */
async function openClients(
  platform: PlatformProcess,
  sign: Sign,
  ids: string[],
  query: string,
  onResult: (id: string, recipient: number) => void,
): Promise<Client[]> {
  const url = platform.url.replace(/^http/, 'ws');
  const clients: Client[] = [];
  for (const [index, id] of ids.entries()) {
    const token = await sign('EMPLOYEE', id);
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    for (let s = 0; s < PER_SOCKET; s++) {
      client.subscribe(
        { query },
        {
          next: (value) => {
            const data = value.data as { notificationReceived?: { id: string } } | undefined;
            if (data?.notificationReceived) onResult(data.notificationReceived.id, index);
          },
          error: (error) => reportError(error),
          complete: () => undefined,
        },
      );
    }
    clients.push(client);
  }
  return clients;
}

async function runPhase(
  platform: PlatformProcess,
  nats: NatsClients,
  sign: Sign,
  ids: string[],
  query: string,
): Promise<Phase> {
  const published = new Map<string, number>();
  let started = Infinity;
  const subject = subjectFor('notifications.notification.created', DEFAULT_NAMESPACE);
  const watch = nats.nc.subscribe(subject, {
    callback: (_error, msg) => {
      const id = (msg.json<{ data: { notificationId: string } }>().data ?? {}).notificationId;
      if (id) published.set(id, performance.now());
    },
  });
  const phase: Phase = {
    latencies: [],
    settledLatencies: [],
    delivered: 0,
    expected: 0,
    sent: 0,
    published: 0,
    silent: 0,
    errors: 0,
    open: 0,
    openSeconds: 0,
    before: await quiet(nats).then(() => settled(platform)),
    live: { rss: 0, heap: 0, heapTotal: 0, external: 0 },
    after: { rss: 0, heap: 0, heapTotal: 0, external: 0 },
    peakRss: { first: 0, second: 0, both: 0 },
    peakHeap: 0,
  };
  const perRecipient = new Array<number>(ids.length).fill(0);
  const clients = await openClients(platform, sign, ids, query, (id, recipient) => {
    phase.delivered += 1;
    perRecipient[recipient]! += 1;
    const at = published.get(id);
    if (at === undefined) return;
    phase.latencies.push(performance.now() - at);
    if (at - started > WARM_UP_MS) phase.settledLatencies.push(performance.now() - at);
  });
  // Let every subscription become live before sending.
  const opening = performance.now();
  for (let i = 0; i < 3000; i++) {
    const open = await metrics(platform).catch(() => undefined);
    phase.open = open?.gateway_subscriptions_open ?? 0;
    if (phase.open >= SUBSCRIPTIONS) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  phase.openSeconds = (performance.now() - opening) / 1000;
  phase.live = await settled(platform);
  let ticks = 0;
  const sampler = setInterval(() => {
    samplePeakRss(platform.pid, phase.peakRss);
    if (ticks++ % HEAP_EVERY_TICKS !== 0) return;
    void metrics(platform).then(
      (m) => (phase.peakHeap = Math.max(phase.peakHeap, m.nodejs_heap_size_used_bytes ?? 0)),
      () => undefined,
    );
  }, 500);
  const hr = await sign('HR', 'service:bench');
  started = performance.now();
  const sends: Promise<void>[] = [];
  while (performance.now() - started < DURATION) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    while (phase.sent < due) {
      const recipientId = ids[phase.sent % ids.length];
      phase.sent += 1;
      sends.push(
        gql(platform, hr, SEND, {
          input: { recipientId, title: `n${phase.sent}`, body: 'bench' },
        }).then(
          () => undefined,
          (error: unknown) => {
            phase.errors += 1;
            if (phase.errors === 1)
              console.error('send failed:', String(error), (error as Error).cause);
          },
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(sends);
  // The notifications outbox may still be publishing what was sent: wait for it first.
  const stored = phase.sent - phase.errors;
  for (let i = 0; i < 600 && published.size < stored; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  phase.expected = published.size * PER_SOCKET;
  for (let i = 0; i < 100 && phase.delivered < phase.expected; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  clearInterval(sampler);
  phase.after = await settled(platform);
  phase.published = published.size;
  phase.silent = perRecipient.filter((n) => n === 0).length;
  watch.unsubscribe();
  await Promise.all(clients.map((client) => client.dispose()));
  return phase;
}

const mib = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MiB`;
const memoryLine = (m: Memory) =>
  `RSS ${mib(m.rss)}, heap used ${mib(m.heap)} of ${mib(m.heapTotal)}, external ${mib(m.external)}`;

function report(name: string, phase: Phase): string {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const settled = [...phase.settledLatencies].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const kb = (v: number) => `${(v / SUBSCRIPTIONS / 1000).toFixed(1)} KB`;
  return [
    `${name}:`,
    `  sent ${phase.sent} (${phase.errors} errors), ${phase.published} on NATS, delivered ${phase.delivered} of ${phase.expected} expected, ${phase.silent} sockets got nothing`,
    `  ${phase.open} live after ${phase.openSeconds.toFixed(0)} s of opening`,
    `  publish -> client: p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1] ?? 0)}`,
    `  publish -> client after the first ${WARM_UP_MS / 1000} s: p50 ${ms(percentile(settled, 50))}, p99 ${ms(percentile(settled, 99))}, max ${ms(settled[settled.length - 1] ?? 0)}`,
    `  first process before sockets (collected): ${memoryLine(phase.before)}`,
    `  all subscriptions live (collected): ${memoryLine(phase.live)}`,
    `  after the events, still subscribed (collected): ${memoryLine(phase.after)}`,
    `  per subscription: RSS ${kb(phase.live.rss - phase.before.rss)}, heap used ${kb(phase.live.heap - phase.before.heap)}`,
    `  peak RSS while events flow: first process (gateway) ${mib(phase.peakRss.first)}, second process ${mib(phase.peakRss.second)}, both ${mib(phase.peakRss.both)}`,
    `  peak heap used while events flow, both processes: ${mib(phase.peakHeap)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-nats-'));
  const server = await startNatsServer({ storeDir });
  const platform = await startPlatformProcess({
    NATS_URL: server.url,
    NODE_OPTIONS: `--expose-gc --import ${path.join(__dirname, 'lib/settleOnSignal.mjs')} ${process.env.EXTRA_NODE_OPTIONS ?? ''}`,
    SETTLE_FILE,
    ...(HEAP_SNAPSHOT && { SNAPSHOT_DIR: HEAP_SNAPSHOT }),
  });
  const nats = await connectNats({ servers: server.url, name: 'bench-subscriptions' });
  const config = loadConfig({ DATA_DIR: platform.dataDir });
  const issuer = createLocalIssuer({
    dataDir: platform.dataDir,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const sign: Sign = (role, sub) => issuer.issue({ role: role as 'HR', sub });
  try {
    if (HEAP_SNAPSHOT) fs.mkdirSync(HEAP_SNAPSHOT, { recursive: true });
    const ids = await seed(platform, sign);
    const lines = [
      `${SUBSCRIPTIONS} subscriptions (${RECIPIENTS} sockets x ${PER_SOCKET}), ${RATE} notifications/s for ${DURATION / 1000} s, one platform process (SQLite)`,
    ];
    for (const name of PHASES) {
      const query = name === 'across' ? ACROSS : PLAIN;
      const phase = await runPhase(platform, nats, sign, ids, query);
      lines.push(report(name === 'across' ? TITLES.across : TITLES.plain, phase));
    }
    console.log(lines.join('\n'));
  } finally {
    await closeNats(nats.nc);
    await platform.stop();
    await server.stop();
    fs.rmSync(storeDir, { recursive: true, force: true });
    fs.rmSync(SETTLE_FILE, { force: true });
  }
}

runBench(main);
