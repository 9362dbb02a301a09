import crypto from 'node:crypto';
import { Client } from 'pg';
import { closeNats, connectNats } from '../../messaging';
import { waitFor } from '../waitFor';
import { waitForCatchUp } from './catchUp';
import { SUBGRAPH_NAMES, startChaosPlatform, type ChaosPlatform } from './chaosPlatform';
import { createGatewayClient, type GatewayClient } from './gatewayClient';
import { createSteadyLoad, hireStaff, type Serves } from './steadyLoad';
import { deadLetters, tally, type Tally } from './tally';

export const FAULTS = [
  'consumer-kill',
  'nats-stop',
  'relay-kill',
  'postgres-restart',
  'replicas',
] as const;
/** The faults of the process platform, and one only a platform on a NATS cluster can take. */
export type FaultName = (typeof FAULTS)[number] | 'nats-node-kill';

export interface ChaosOptions {
  /** Events each fault's phase writes; the fault strikes halfway (default 10,000). */
  eventsPerFault: number;
  /** Employees working at once: one loop of calls each (default 24). */
  staff: number;
  /** The subgraphs to serve (default all); the load and the counts leave out the others. */
  subgraphs: readonly string[];
  /** The faults to inject, in order (default all). */
  faults: readonly FaultName[];
  /** How long NATS stays stopped (default 20 s). */
  natsOutageMs: number;
  /** The relay fault: the process kills itself after this many publishes (default 25). */
  relayKillAfter: number;
  /** Longest wait for the platform to catch up after a fault (default 10 min). */
  catchUpTimeoutMs: number;
  log: (line: string) => void;
  /** Starts the platform under test (default: processes on a private PostgreSQL and NATS). */
  start: (subgraphs: readonly string[]) => Promise<ChaosPlatform>;
}

export const defaultChaosOptions: ChaosOptions = {
  eventsPerFault: 10_000,
  staff: 24,
  subgraphs: SUBGRAPH_NAMES,
  faults: FAULTS,
  natsOutageMs: 20_000,
  relayKillAfter: 25,
  catchUpTimeoutMs: 600_000,
  log: () => undefined,
  start: startChaosPlatform,
};

export interface FaultRow extends Tally {
  fault: FaultName;
  seconds: number;
}

/** The base hourly rate of the rate card the run starts with, in minor units. */
const HOURLY_RATE_MINOR = 2000;

interface Context {
  platform: ChaosPlatform;
  options: ChaosOptions;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each fault as it strikes halfway through its phase; it returns once the platform is whole again. */
const strike: Record<FaultName, (c: Context) => Promise<void>> = {
  async 'consumer-kill'({ platform }) {
    await platform.kill('accruals');
    await platform.restart('accruals');
  },
  async 'nats-stop'({ platform, options }) {
    await platform.stopNats();
    // The outage itself lasts a set time: that is the fault, not a wait for a result.
    await sleep(options.natsOutageMs);
    await platform.startNats();
  },
  async 'nats-node-kill'({ platform, options }) {
    if (!platform.killNatsNode || !platform.startNatsNode)
      throw new Error('nats-node-kill needs a platform on a NATS cluster.');
    await platform.killNatsNode();
    await sleep(options.natsOutageMs);
    await platform.startNatsNode();
  },
  async 'relay-kill'({ platform, options }) {
    await platform.kill('time');
    // It may die before it is ready: its readiness is not waited for, its exit is.
    void platform
      .restart('time', 0, { OUTBOX_RELAY_KILL_AFTER_PUBLISHES: String(options.relayKillAfter) })
      .catch(() => undefined);
    await platform.exited('time');
    await platform.restart('time');
  },
  async 'postgres-restart'({ platform }) {
    await platform.pg.crash();
    await platform.pg.start();
  },
  async replicas({ platform }) {
    // Two replicas already share every durable consumer; one of them dies mid-batch too.
    await platform.kill('accruals', 1);
    await platform.restart('accruals', 1);
  },
};

const serves =
  (options: ChaosOptions): Serves =>
  (name) =>
    options.subgraphs.includes(name);

/** Past days for the shifts: two a day, back into last year, where the agreements start. */
const DAYS_BACK = 330;

async function writtenSince(db: Client, from: Date): Promise<number> {
  const { rows } = await db.query(
    `select table_schema from information_schema.tables where table_name = 'outbox'`,
  );
  let total = 0;
  for (const { table_schema: schema } of rows) {
    const result = await db.query(
      `select count(*)::int as n from "${schema}".outbox where created_at >= $1`,
      [from],
    );
    total += result.rows[0].n as number;
  }
  return total;
}

/** A client on the private PostgreSQL that reconnects after the server restarts. */
function reconnectingDb(url: string) {
  let client: Client | undefined;
  return {
    async get(): Promise<Client> {
      if (client) return client;
      const fresh = new Client({ connectionString: url });
      fresh.on('error', () => (client = undefined));
      await fresh.connect();
      client = fresh;
      return fresh;
    },
    async end() {
      await client?.end().catch(() => undefined);
    },
  };
}

async function runPhase(
  fault: FaultName,
  c: Context,
  load: ReturnType<typeof createSteadyLoad>,
  db: ReturnType<typeof reconnectingDb>,
): Promise<FaultRow> {
  const { platform, options } = c;
  const nats = await connectNats({ servers: platform.natsUrl, name: 'chaos' });
  const started = Date.now();
  const from = new Date();
  const deadLettersBefore = await deadLetters(nats.jsm);
  await nats.nc.close();
  if (fault === 'replicas') await platform.addReplicaSet();
  const reached = (count: number) =>
    waitFor(
      async () =>
        (await db
          .get()
          .then((d) => writtenSince(d, from))
          .catch(() => 0)) >= count
          ? true
          : undefined,
      options.catchUpTimeoutMs,
      250,
    );
  load.start();
  const progress = setInterval(() => {
    void db
      .get()
      .then((d) => writtenSince(d, from))
      .then(
        (n) => options.log(`${fault}: ${n} events so far; ${JSON.stringify(load.stats())}`),
        () => undefined,
      );
  }, 15_000);
  await reached(options.eventsPerFault / 2);
  options.log(`${fault}: strikes`);
  await strike[fault](c);
  options.log(`${fault}: platform whole again`);
  await reached(options.eventsPerFault);
  clearInterval(progress);
  await load.stop();
  const after = await connectNats({ servers: platform.natsUrl, name: 'chaos' });
  try {
    await waitFor(
      () =>
        db.get().then(
          () => true,
          () => undefined,
        ),
      60_000,
    );
    await waitForCatchUp(await db.get(), after.jsm, options.catchUpTimeoutMs);
    const row = await tally(
      await db.get(),
      after.jsm,
      {
        from,
        to: new Date(),
        deadLettersBefore,
        hourlyRateMinor: HOURLY_RATE_MINOR,
      },
      serves(options),
    );
    return { fault, seconds: Math.round((Date.now() - started) / 1000), ...row };
  } finally {
    await closeNats(after.nc);
  }
}

/** Billing costs work only at a card in force on its day; defining the grade first is outside the contract. */
async function seedRateCard(db: Client) {
  await db.query(
    `insert into billing.billing_rate_cards (id, grade, effective_from, base_hourly_rate_minor, currency,
       overtime_multiplier, night_multiplier, public_holiday_multiplier, set_at, set_by)
     values ($1, 'BAND_5', '2000-01-01', $2, 'GBP', 15000, 12500, 20000, now(), 'chaos')`,
    [crypto.randomUUID(), HOURLY_RATE_MINOR],
  );
}

/**
 * Runs the platform distributed on a private PostgreSQL and NATS, keeps a steady load on it,
 * injects each fault halfway through its phase, waits for the platform to catch up and
 * counts, per fault, what was written against what every consumer applied.
 */
export async function runChaos(partial: Partial<ChaosOptions> = {}): Promise<FaultRow[]> {
  const options = { ...defaultChaosOptions, ...partial };
  options.log('starting the platform');
  const platform = await options.start(options.subgraphs);
  const db = reconnectingDb(platform.pg.url);
  const rows: FaultRow[] = [];
  try {
    if (serves(options)('billing')) await seedRateCard(await db.get());
    const client: GatewayClient = createGatewayClient(platform.issuer, platform.gatewayUrls);
    const staff = await hireStaff(client, options.staff, serves(options));
    const load = createSteadyLoad(client, staff, serves(options), DAYS_BACK);
    for (const fault of options.faults) {
      options.log(`${fault}: load on`);
      const row = await runPhase(fault, { platform, options }, load, db);
      options.log(
        `${fault}: ${row.written} written, ${row.lost} lost, ${row.doubled} doubled, ${row.deadLettered} dead-lettered (${row.seconds} s; ${client.stats.calls} calls, ${client.stats.retries} retries, ${client.stats.refused} refused${client.stats.lastRefusal ? `, last: ${client.stats.lastRefusal}` : ''})`,
      );
      for (const example of row.examples) options.log(`  ${example}`);
      rows.push(row);
    }
    return rows;
  } finally {
    await db.end();
    await platform.stop();
  }
}

/** The table of a run: per fault, events written, lost, doubled and dead-lettered. */
export function renderTable(rows: FaultRow[]): string {
  const head = ['fault', 'events written', 'lost', 'doubled', 'dead-lettered', 'seconds'];
  const body = rows.map((r) =>
    [r.fault, r.written, r.lost, r.doubled, r.deadLettered, r.seconds].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

/** What a fault's phase should show of its counts: nothing lost, doubled or dead-lettered. */
export const NOTHING_LOST = { lost: 0, doubled: 0, deadLettered: 0, examples: [] };

/** The counts of a phase to compare with {@link NOTHING_LOST}, its examples included. */
export const lossesOf = ({ lost, doubled, deadLettered, examples }: FaultRow) => ({
  lost,
  doubled,
  deadLettered,
  examples,
});

export const clean = (rows: FaultRow[]) =>
  rows.every((r) => r.lost === 0 && r.doubled === 0 && r.deadLettered === 0);
