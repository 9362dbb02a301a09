import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  closeNats,
  connectNats,
  DEFAULT_NAMESPACE,
  type NatsClients,
  startNatsServer,
  subjectFor,
} from '../messaging';
import { createLocalIssuer, loadConfig } from '../runtime';
import { contractOperation } from '../test-support/contractOperation';
import { personInput } from '../test-support/seedOrganisation';
import { percentile } from './lib/runLoad';
import { startPlatformProcess, type PlatformProcess } from './lib/startPlatformProcess';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:subscriptions`: live notifications through one gateway process.
 * Opens SUBSCRIPTIONS `notificationReceived` subscriptions over graphql-ws (PER_SOCKET on
 * each socket, one socket per recipient), then has HR send RATE notifications a second
 * for DURATION, round robin over the recipients. Each delivery is timed from the moment
 * the `notifications.notification.created` event reaches NATS (a core subscription here
 * sees it) to its arrival at the client. Reports p50/p99, delivered against expected (PER_SOCKET
 * per notification that reached NATS; the outbox is given a minute to publish them all), and
 * the platform process's peak RSS and heap; then the same again with
 * `recipient { firstName lastName }` selected, resolved from the employees subgraph.
 * Knobs: SUBSCRIPTIONS (5000), PER_SOCKET (10), RATE (notifications/s, 100), DURATION (s, 20).
 */
const SUBSCRIPTIONS = Number(process.env.SUBSCRIPTIONS ?? 5000);
const PER_SOCKET = Number(process.env.PER_SOCKET ?? 10);
const RATE = Number(process.env.RATE ?? 100);
const DURATION = Number(process.env.DURATION ?? 20) * 1000;
const RECIPIENTS = Math.ceil(SUBSCRIPTIONS / PER_SOCKET);

const PLAIN = `subscription Plain { notificationReceived { id title createdAt } }`;
const ACROSS = `subscription Across {
  notificationReceived { id title createdAt recipient { firstName lastName } }
}`;
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

interface Phase {
  latencies: number[];
  delivered: number;
  expected: number;
  sent: number;
  /** Notification events seen on NATS. */
  published: number;
  /** Sockets that received nothing. */
  silent: number;
  errors: number;
  peakRss: number;
  peakHeap: number;
}

/** Each kind of subscription error once, with how often it came (a close says its code). */
const errorsSeen = new Map<string, number>();
function reportError(error: unknown): void {
  const { code, reason } = error as { code?: number; reason?: string };
  const text =
    code !== undefined
      ? `socket closed ${code} ${reason ?? ''}`
      : error instanceof Error
        ? error.message
        : JSON.stringify(error);
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
  const subject = subjectFor('notifications.notification.created', DEFAULT_NAMESPACE);
  const watch = nats.nc.subscribe(subject, {
    callback: (_error, msg) => {
      const id = (msg.json<{ data: { notificationId: string } }>().data ?? {}).notificationId;
      if (id) published.set(id, performance.now());
    },
  });
  const phase: Phase = {
    latencies: [],
    delivered: 0,
    expected: 0,
    sent: 0,
    published: 0,
    silent: 0,
    errors: 0,
    peakRss: 0,
    peakHeap: 0,
  };
  const perRecipient = new Array<number>(ids.length).fill(0);
  const clients = await openClients(platform, sign, ids, query, (id, recipient) => {
    phase.delivered += 1;
    perRecipient[recipient]! += 1;
    const at = published.get(id);
    if (at !== undefined) phase.latencies.push(performance.now() - at);
  });
  // Let every subscription become live before sending.
  for (let i = 0; i < 600; i++) {
    const open = await metrics(platform).catch(() => undefined);
    if ((open?.gateway_subscriptions_open ?? 0) >= SUBSCRIPTIONS) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const sampler = setInterval(() => {
    void metrics(platform).then(
      (m) => {
        phase.peakRss = Math.max(phase.peakRss, m.process_resident_memory_bytes ?? 0);
        phase.peakHeap = Math.max(phase.peakHeap, m.nodejs_heap_size_used_bytes ?? 0);
      },
      () => undefined,
    );
  }, 500);
  const hr = await sign('HR', 'service:bench');
  const started = performance.now();
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
          () => void (phase.errors += 1),
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
  phase.published = published.size;
  phase.silent = perRecipient.filter((n) => n === 0).length;
  watch.unsubscribe();
  await Promise.all(clients.map((client) => client.dispose()));
  return phase;
}

function report(name: string, phase: Phase): string {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const mib = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MiB`;
  return [
    `${name}:`,
    `  sent ${phase.sent} (${phase.errors} errors), ${phase.published} on NATS, delivered ${phase.delivered} of ${phase.expected} expected, ${phase.silent} sockets got nothing`,
    `  publish -> client: p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1] ?? 0)}`,
    `  platform process peak: RSS ${mib(phase.peakRss)}, heap used ${mib(phase.peakHeap)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-bench-nats-'));
  const server = await startNatsServer({ storeDir });
  const platform = await startPlatformProcess({ NATS_URL: server.url });
  const nats = await connectNats({ servers: server.url, name: 'bench-subscriptions' });
  const config = loadConfig({ DATA_DIR: platform.dataDir });
  const issuer = createLocalIssuer({
    dataDir: platform.dataDir,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const sign: Sign = (role, sub) => issuer.issue({ role: role as 'HR', sub });
  try {
    const ids = await seed(platform, sign);
    const plain = await runPhase(platform, nats, sign, ids, PLAIN);
    const across = await runPhase(platform, nats, sign, ids, ACROSS);
    console.log(
      [
        `${SUBSCRIPTIONS} subscriptions (${RECIPIENTS} sockets x ${PER_SOCKET}), ${RATE} notifications/s for ${DURATION / 1000} s, one platform process (SQLite)`,
        report('notificationReceived { id title createdAt }', plain),
        report('... with recipient { firstName lastName } (employees subgraph)', across),
      ].join('\n'),
    );
  } finally {
    await closeNats(nats.nc);
    await platform.stop();
    await server.stop();
    fs.rmSync(storeDir, { recursive: true, force: true });
  }
}

runBench(main);
