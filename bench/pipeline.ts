import os from 'node:os';
import { DEFAULT_NAMESPACE, eventsStream, type NatsClients } from '../messaging';
import { type CatchUp, durableCatchUp } from './lib/durableCatchUp';
import { type Call, DEFAULT_CONNECTIONS, graphqlCall, openConnections } from './lib/graphqlCall';
import { processCpuSeconds } from './lib/processCpuSeconds';
import { cpuBetween, processTreeCpuSeconds } from './lib/processTreeCpuSeconds';
import { type RecordedLoad, type Recorder, recordTimeEntries } from './lib/recordTimeEntries';
import { percentile } from './lib/runLoad';
import { seedAgreedEmployees } from './lib/seedAgreedEmployees';
import { startIsolatedPlatform } from './lib/startIsolatedPlatform';
import type { PlatformProcess } from './lib/startPlatformProcess';
import { type TimedLag, watchEventLags } from './lib/watchEventLags';
import { runBench } from './lib/runBench';

/**
 * `npm run bench:pipeline`: the whole event fan-out of a recorded time entry, on the
 * all-in-one platform in its own process (its own nats-server and a fresh database).
 * Records time entries through the gateway at a steady RATE for DURATION and prints:
 * - entries sent, the offered rate, errors (and the first one's message); how long
 *   `recordTimeEntry` took to answer, over the load and by the WINDOW (s, 5) it was sent in
 *   (with the p99 to its balance change), which tells a queue built while the process warms
 *   up from one that keeps growing;
 * - from each mutation's start to the `accruals.balance.changed` of its correlation id, and
 *   to its `time.entry.recorded` on NATS (how far time's outbox relay lags the commit);
 * - for every durable on the events stream (the time entry's consumers marked), how long
 *   after the last answer it first had nothing pending or awaiting ack, the messages it had
 *   delivered per entry (handled or acked unread), and how long until
 *   it also had delivered up to the stream's last sequence when the load ended (a durable
 *   that filters out the last events gets there at its next pull); neither counts before
 *   every entry's `time.entry.recorded` is on NATS, since no durable can have caught up before;
 * - the platform's CPU time over the load, as cores used on average (its first process and
 *   the second one all-in-one forks for some subgraphs, apart and together; then the
 *   nats-server's and this load generator's, which share the machine), and per entry
 *   over the load and the catch-up (the cost of an entry's whole fan-out, however it queues);
 * - the SQL statements each subgraph sent per entry, over the load and the catch-up.
 * The load's keep-alive connections are opened before it (as a proxy holds them open).
 * Knobs: EMPLOYEES (20), RATE (entries/s, 20), DURATION (s, 60), WINDOW (s, 5), CONNECTIONS (the
 * keep-alive connections the load shares, 64), WARMUP (s, 0: that long of the same load first,
 * not measured, and the durables drained after it), CATCH_UP_CAP (s, 120: how
 * long to wait for the events and the durables), DATABASE (sqlite, or postgres: a fresh
 * database on TEST_PG_URL).
 */
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 20);
const RATE = Number(process.env.RATE ?? 20);
const DURATION = Number(process.env.DURATION ?? 60) * 1000;
const CATCH_UP_CAP = Number(process.env.CATCH_UP_CAP ?? 120) * 1000;
const WINDOW = Number(process.env.WINDOW ?? 5) * 1000;
const CONNECTIONS = Number(process.env.CONNECTIONS ?? DEFAULT_CONNECTIONS);
const WARMUP = Number(process.env.WARMUP ?? 0) * 1000;

/** The durables a recorded time entry fans out to. */
const FAN_OUT = ['accruals_ledger', 'billing_ledger', 'audit_audit_log', 'notifications_notify'];

const STREAM = eventsStream(DEFAULT_NAMESPACE);

const ms = (v: number) => `${v.toFixed(0)} ms`;

async function durableNames(nats: NatsClients): Promise<string[]> {
  const names: string[] = [];
  for await (const info of nats.jsm.consumers.list(STREAM)) names.push(info.name);
  return names;
}

const lastSequence = async (nats: NatsClients) =>
  (await nats.jsm.streams.info(STREAM)).state.last_seq;

/** Messages each durable has had delivered (redeliveries included), by name. */
async function deliveries(nats: NatsClients, names: string[]): Promise<Map<string, number>> {
  const infos = await Promise.all(names.map((name) => nats.jsm.consumers.info(STREAM, name)));
  return new Map(infos.map((info) => [info.name, info.delivered.consumer_seq]));
}

/**
 * One line per durable, the fan-out's first and marked with `*`, absent or not, with the
 * messages delivered to it per entry: a durable that filters on a prefix also gets, and
 * acks unread, the events it does not handle.
 */
function catchUpLines(
  times: Map<string, CatchUp>,
  sequence: number,
  perEntry: Map<string, number>,
): string[] {
  const others = [...times.keys()].filter((name) => !FAN_OUT.includes(name)).sort();
  const names = [...FAN_OUT, ...others];
  const width = Math.max(...names.map((n) => n.length));
  const figure = (time: number | undefined) =>
    (time === undefined ? `not caught up within ${CATCH_UP_CAP / 1000} s` : ms(time)).padEnd(9);
  return names.map((name) => {
    const mark = FAN_OUT.includes(name) ? '*' : ' ';
    const time = times.get(name);
    const delivered = `${(perEntry.get(name) ?? 0).toFixed(1)} delivered per entry`;
    const figures = time
      ? `idle ${figure(time.idle)}  at ${sequence}: ${figure(time.delivered)}  ${delivered}`
      : 'absent: no such durable';
    return `  ${mark} ${name.padEnd(width)}  ${figures}`.trimEnd();
  });
}

/** Waits until every durable has handled all the stream holds so far (the seed's events). */
async function drain(nats: NatsClients, names: string[]): Promise<void> {
  const drained = await durableCatchUp(nats.jsm, names, {
    stream: STREAM,
    lastSequence: await lastSequence(nats),
    since: performance.now(),
    ready: () => true,
    capMs: CATCH_UP_CAP,
    pollMs: 100,
  });
  if ([...drained.values()].some((time) => time.delivered === undefined))
    throw new Error('the durables did not drain');
}

/** SQL statements sent so far, per subgraph, from the platform's metrics. */
async function statementsBySubgraph(platform: PlatformProcess): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const line of (await platform.scrape()).split('\n')) {
    const match = /^hr_db_queries_total\{subgraph="([^"]+)"\} (\S+)$/.exec(line);
    if (match) counts.set(match[1]!, Number(match[2]));
  }
  return counts;
}

/** Statements per recorded entry, per subgraph, busiest first, from two readings. */
function statementsLine(before: Map<string, number>, after: Map<string, number>, entries: number) {
  const per = [...after]
    .map(([name, count]) => [name, (count - (before.get(name) ?? 0)) / entries] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const total = per.reduce((sum, [, n]) => sum + n, 0);
  return `SQL statements per entry, load and catch-up: ${total.toFixed(1)} (${per.map(([name, n]) => `${name} ${n.toFixed(1)}`).join(', ')})`;
}

/** CPU seconds so far of the nats-server and of this process, the load's client. */
function othersCpu(natsPid: number) {
  const { user, system } = process.cpuUsage();
  return { nats: processCpuSeconds(natsPid), client: (user + system) / 1e6 };
}

/**
 * WARMUP seconds of the same load, not measured, so the figures are those of a process whose
 * code has been compiled; the first slot the measured load may use after it.
 */
async function warmUp(call: Call, recorders: Recorder[]): Promise<number> {
  if (WARMUP === 0) return 0;
  const warm = await recordTimeEntries(
    call,
    recorders,
    { rate: RATE, durationMs: WARMUP },
    () => {},
  );
  if (warm.errors) throw new Error(`the warm-up failed: ${warm.firstError}`);
  return Math.ceil(warm.total / recorders.length);
}

/** The load, then the events it led to and the durables catching up with it. */
async function measure(
  platform: PlatformProcess,
  nats: NatsClients,
  natsPid: number,
  ids: string[],
) {
  // Tokens first: each is a child process that blocks this loop, and on a busy machine all of
  // them outlast the server's keep-alive, so a socket it closed meanwhile would be taken for the
  // next request; the drain's polling lets the client see those closes first.
  const recorders = await Promise.all(
    ids.map(async (id) => ({ id, token: await platform.token('EMPLOYEE', id) })),
  );
  const names = await durableNames(nats);
  await drain(nats, names);
  const call = graphqlCall(platform, CONNECTIONS);
  await openConnections(call, CONNECTIONS, recorders[0]!.token);
  const firstSlot = await warmUp(call, recorders);
  await drain(nats, names);
  const recorded = watchEventLags(nats, 'time.entry.recorded');
  const balances = watchEventLags(nats, 'accruals.balance.changed', recorded);
  const statementsBefore = await statementsBySubgraph(platform);
  const deliveredBefore = await deliveries(nats, names);
  const cpuBefore = processTreeCpuSeconds(platform.pid);
  const othersBefore = othersCpu(natsPid);
  const load = await recordTimeEntries(
    call,
    recorders,
    { rate: RATE, durationMs: DURATION, firstSlot },
    (correlationId, startedAt, employeeId) => {
      recorded.expect(correlationId, startedAt);
      balances.expect(correlationId, startedAt, employeeId);
    },
  );
  const cpu = cpuBetween(cpuBefore, processTreeCpuSeconds(platform.pid));
  const othersAfter = othersCpu(natsPid);
  const others = {
    nats: othersAfter.nats - othersBefore.nats,
    client: othersAfter.client - othersBefore.client,
  };
  const endSequence = await lastSequence(nats);
  const [caughtUp] = await Promise.all([
    durableCatchUp(nats.jsm, names, {
      stream: STREAM,
      lastSequence: endSequence,
      since: load.endedAt,
      ready: () => recorded.waiting() === 0,
      capMs: CATCH_UP_CAP,
      pollMs: 50,
    }),
    recorded.settle(CATCH_UP_CAP),
    balances.settle(CATCH_UP_CAP),
  ]);
  const { main, children } = cpuBetween(cpuBefore, processTreeCpuSeconds(platform.pid));
  const deliveredAfter = await deliveries(nats, names);
  const perEntry = new Map(
    names.map((name) => [
      name,
      (deliveredAfter.get(name)! - deliveredBefore.get(name)!) / load.total,
    ]),
  );
  const cpuToCatchUp = main + children;
  const statements = statementsLine(
    statementsBefore,
    await statementsBySubgraph(platform),
    load.total,
  );
  return {
    ...{ load, cpu, others, cpuToCatchUp, endSequence, caughtUp, statements, perEntry },
    ...{ relay: recorded.stop(), balance: balances.stop() },
  };
}

/**
 * By the window of the load they were sent in: the answers' p50 and p99, and the p99 from the
 * mutation to its balance change (the load's start taken as its first mutation's).
 */
function windowLines(timeline: RecordedLoad['timeline'], balances: TimedLag[]): string[] {
  const lines: string[] = [];
  const start = Math.min(...balances.map((t) => t.startedAt));
  for (let from = 0; from < DURATION; from += WINDOW) {
    const within = (sentAt: number) => sentAt >= from && sentAt < from + WINDOW;
    const answers = timeline
      .filter((t) => within(t.sentAt))
      .map((t) => t.answer)
      .sort((a, b) => a - b);
    const lags = balances
      .filter((t) => within(t.startedAt - start))
      .map((t) => t.lag)
      .sort((a, b) => a - b);
    const range = `${from / 1000}-${(from + WINDOW) / 1000} s`.padEnd(12);
    lines.push(
      `  sent ${range} ${String(answers.length).padStart(6)} answered: p50 ${ms(percentile(answers, 50))}, p99 ${ms(percentile(answers, 99))}; ` +
        `balance change p99 ${ms(percentile(lags, 99))}`,
    );
  }
  return lines;
}

/** Cores used over the load: in all, and by the first process and the one below it. */
function cpuLine(cpu: { main: number; children: number }, seconds: number): string {
  const cores = (s: number) => (s / seconds).toFixed(2);
  const total = cpu.main + cpu.children;
  return (
    `platform CPU during the load: ${cores(total)} cores on average (${total.toFixed(1)} s over ${seconds.toFixed(1)} s; ` +
    `first process ${cores(cpu.main)}, second process ${cores(cpu.children)})`
  );
}

function report(database: string, run: Awaited<ReturnType<typeof measure>>): string {
  const { load, relay, balance } = run;
  const p = (sorted: number[], n: number) => ms(percentile(sorted, n));
  return [
    `database: ${database}; ${EMPLOYEES} employees; ${STREAM} at sequence ${run.endSequence} when the load ended`,
    `entries: ${load.total} sent over ${load.sentSeconds.toFixed(1)} s (offered ${RATE}/s over ${CONNECTIONS} connections opened before it` +
      `${WARMUP ? `, after ${WARMUP / 1000} s of the same load not measured` : ''}), ${load.errors} errors` +
      (load.firstError ? ` (the first: ${load.firstError})` : ''),
    `recordTimeEntry answered: p50 ${p(load.answers, 50)}, p99 ${p(load.answers, 99)}; by when it was sent:`,
    ...windowLines(load.timeline, balance.timed),
    `recordTimeEntry -> accruals.balance.changed: p50 ${p(balance.lags, 50)}, p99 ${p(balance.lags, 99)}, max ${ms(balance.lags[balance.lags.length - 1] ?? 0)}; ${balance.missing} never came`,
    `recordTimeEntry -> time.entry.recorded on NATS (outbox relay): p50 ${p(relay.lags, 50)}, p99 ${p(relay.lags, 99)}; ${relay.missing} never came`,
    `durables after the last answer (* a time entry's fan-out): idle = nothing pending or awaiting ack; ` +
      `at ${run.endSequence} = idle and delivered up to the stream's last sequence when the load ended:`,
    ...catchUpLines(run.caughtUp, run.endSequence, run.perEntry),
    cpuLine(run.cpu, load.answeredSeconds),
    `the rest of the machine during the load: nats-server ${(run.others.nats / load.answeredSeconds).toFixed(2)} cores, ` +
      `this load generator ${(run.others.client / load.answeredSeconds).toFixed(2)} (of ${os.availableParallelism()})`,
    `platform CPU per entry, load and catch-up: ${((run.cpuToCatchUp / load.total) * 1000).toFixed(1)} ms`,
    run.statements,
  ].join('\n');
}

async function main(): Promise<void> {
  const isolated = await startIsolatedPlatform('bench-pipeline');
  const { platform, nats } = isolated;
  try {
    const ids = await seedAgreedEmployees(platform, graphqlCall(platform), EMPLOYEES, 'Pipeline');
    console.log(report(isolated.database, await measure(platform, nats, isolated.natsPid, ids)));
  } finally {
    await isolated.stop();
  }
}

runBench(main);
