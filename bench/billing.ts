import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import {
  createEvent,
  ensureStreams,
  loadCatalogue,
  type NatsClients,
  subjectFor,
} from '../messaging';
import { createTestNamespace, deleteStreams } from '../messaging/testing';
import { addDays, type SubgraphModule } from '../runtime';
import { closeDayJob, createBilling, type BillingLoaders } from '../subgraphs/billing/src';
import {
  EmployeeCopySchema,
  EmployeeGradeSchema,
  PostingSchema,
  RateCardSchema,
  TransactionSchema,
  type EmployeeCopy,
  type LedgerTransaction,
  type Posting,
} from '../subgraphs/billing/src/entities';
import { table } from '../subgraphs/billing/src/guards';
import { accountId, costCentre, ensureAccounts, liability } from '../subgraphs/billing/src/ledger';
import { createTestDatabase } from '../test-support/database';
import { startSubgraph, type SubgraphHarness } from '../test-support/startSubgraph';
import { backlogPaths, batchGainLine } from './lib/backlogPaths';
import { databaseKnob } from './lib/databaseKnob';
import { measureWithNats, runBench } from './lib/runBench';

/**
 * `npm run bench:billing`: the two costs of billing's ledger.
 * (a) Postings per second from time events to the ledger: publishes EVENTS catalogue-valid
 *     `time.entry.recorded` events (an 8-hour day shift each, for employees and a rate card
 *     seeded into billing's own tables) into a fresh namespace on NATS as a backlog, then
 *     starts billing's consumer on that database and times until every entry's transaction
 *     is in the ledger (from the start, and the rate from the first transaction); checks
 *     that the ledger sums to zero. Twice, side by side: with the handler's batch path, and
 *     one event at a time (the batch path taken away), each on a fresh database.
 * (b) The daily close of a day with TRANSACTIONS balanced transactions, bulk-inserted
 *     (multi-row, through the ledger guards) into a fresh database: times the
 *     `billing.closeDay` job's run (the code path of `closeBillingDay` too) and counts its
 *     SQL statements.
 * Knobs: EVENTS (5000), TRANSACTIONS (100000), EMPLOYEES (200), DATABASE=postgres (default;
 * a fresh database on TEST_PG_URL, dropped afterwards) or sqlite, TEST_NATS_URL, PATHS=batch
 * ((a) through the batch path alone, and no (b)).
 */
const EVENTS = Number(process.env.EVENTS ?? 5000);
const TRANSACTIONS = Number(process.env.TRANSACTIONS ?? 100_000);
const EMPLOYEES = Number(process.env.EMPLOYEES ?? 200);
const DEPARTMENTS = 10;
const GRADE = 'BENCH_GRADE';
/** 20.00 an hour: an 8-hour day shift with its 30-minute meal break costs 15000 minor units. */
const RATE_MINOR = 2000;
/** Work days before any real close: the scheduler is off, and nothing closes them. */
const FIRST_DAY = '2025-06-02';

const catalogue = loadCatalogue();

/** Billing without its scheduled close, so only the consumer touches the ledger in (a). */
const billingWithoutJobs = (): SubgraphModule<BillingLoaders> => ({
  ...createBilling(),
  jobs: [],
});

const departmentOf = (i: number) => `Bench department ${i % DEPARTMENTS}`;

/** Employees billing knows (its copy and grade index) and the grade's rate card. */
async function seedEmployees(em: EntityManager): Promise<string[]> {
  const ids = Array.from({ length: EMPLOYEES }, () => uuidv7());
  const copies: EmployeeCopy[] = ids.map((id, i) => ({
    id,
    employeeNumber: `B${String(i).padStart(6, '0')}`,
    grades: [{ from: '0001-01-01', version: 1, value: GRADE }],
    departments: [{ from: '0001-01-01', version: 1, value: departmentOf(i) }],
    location: 'ENGLAND_AND_WALES',
    timeZone: 'Europe/London',
    managerId: null,
    fieldVersions: {},
    version: 1,
  }));
  for (let from = 0; from < copies.length; from += 500) {
    const chunk = copies.slice(from, from + 500);
    await em.insertMany(EmployeeCopySchema, chunk);
    await em.insertMany(
      EmployeeGradeSchema,
      chunk.map((c) => ({ id: `${c.id}|${GRADE}`, employeeId: c.id, grade: GRADE })),
    );
  }
  await em.insert(RateCardSchema, {
    id: uuidv7(),
    grade: GRADE,
    effectiveFrom: '2025-01-01',
    baseHourlyRateMinor: RATE_MINOR,
    currency: 'GBP',
    overtimeMultiplier: 15000,
    nightMultiplier: 12500,
    publicHolidayMultiplier: 20000,
    setAt: new Date(),
    setBy: 'bench',
  });
  return ids;
}

async function ledgerCounts(em: EntityManager) {
  const [tx] = await em.execute<{ n: string }[]>(
    `select count(*) as n from ${table(em, 'billing_transactions')}`,
  );
  const sums = await em.execute<{ currency: string; n: string; total: string | null }[]>(
    `select currency, count(*) as n, sum(amount_minor) as total
     from ${table(em, 'billing_postings')} group by currency`,
  );
  return {
    transactions: Number(tx?.n ?? 0),
    postings: sums.reduce((n, s) => n + Number(s.n), 0),
    balanced: sums.every((s) => BigInt(s.total ?? 0) === 0n),
    total: sums.reduce((n, s) => n + Number(s.total ?? 0), 0),
  };
}

/** EVENTS catalogue-valid day shifts of the employees, as publishable messages. */
function timeEvents(employees: string[]) {
  return Array.from({ length: EVENTS }, (_, i) => {
    const employeeId = employees[i % employees.length]!;
    const day = addDays(FIRST_DAY, Math.floor(i / employees.length));
    const entryId = uuidv7();
    const event = createEvent(
      {
        type: 'time.entry.recorded',
        subject: entryId,
        data: {
          employeeId,
          entryId,
          version: 1,
          periodType: 'SHIFT',
          shiftType: null,
          startTime: `${day}T08:00:00.000Z`,
          endTime: `${day}T16:00:00.000Z`,
          // As time would take it: over six hours' work holds the meal break due.
          mealBreakMinutes: 30,
        },
      },
      { source: '/subgraphs/time', correlationId: uuidv7(), actor: employeeId },
    );
    catalogue.validate(event);
    return { id: event.id, payload: JSON.stringify(event) };
  });
}

/** Employees seeded on a harness with no consumer, so the events wait as a backlog. */
async function seededDatabase(module: SubgraphModule<BillingLoaders>) {
  const db = await createTestDatabase();
  const seeder = await startSubgraph(module, { db, runWorkers: false });
  try {
    return { db, employees: await seedEmployees(seeder.runtime.orm.em.fork() as EntityManager) };
  } finally {
    await seeder.stop();
  }
}

/** (a): a backlog of time events on NATS into the ledger, from billing's start. */
async function postingRate(nats: NatsClients, module: SubgraphModule<BillingLoaders>) {
  const namespace = createTestNamespace();
  const { db, employees } = await seededDatabase(module);
  let billing: SubgraphHarness | undefined;
  try {
    await ensureStreams(nats.jsm, namespace);
    const subject = subjectFor('time.entry.recorded', namespace);
    const messages = timeEvents(employees);
    for (let i = 0; i < messages.length; i += 100)
      await Promise.all(
        messages.slice(i, i + 100).map((m) => nats.js.publish(subject, m.payload, { msgID: m.id })),
      );
    const started = performance.now();
    billing = await startSubgraph(module, {
      db,
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
    });
    const queries = countStatements(billing);
    const em = billing.runtime.orm.em.fork() as EntityManager;
    const deadline = started + 900_000;
    let first: { at: number; count: number } | undefined;
    let counts = await ledgerCounts(em);
    while (counts.transactions < EVENTS) {
      if (performance.now() > deadline)
        throw new Error(`Only ${counts.transactions} of ${EVENTS} entries reached the ledger.`);
      if (counts.transactions > 0) first ??= { at: performance.now(), count: counts.transactions };
      await new Promise((r) => setTimeout(r, 50));
      counts = await ledgerCounts(em);
    }
    const ended = performance.now();
    if (process.env.VERBOSE) console.log(queries.top());
    return {
      seconds: (ended - started) / 1000,
      rate: first ? ((EVENTS - first.count) * 1000) / (ended - first.at) : NaN,
      queries: queries.total(),
      ...counts,
    };
  } finally {
    await billing?.stop();
    await db.drop();
    await deleteStreams(nats.jsm, namespace);
  }
}

/** Counts the statements billing's database is sent, by their first 120 characters. */
function countStatements(billing: SubgraphHarness) {
  const knex = (billing.runtime.orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const statements = new Map<string, number>();
  knex.on('query', (q: { sql: string }) => {
    const key = q.sql.replace(/\s+/g, ' ').slice(0, 120);
    statements.set(key, (statements.get(key) ?? 0) + 1);
  });
  return {
    total: () => [...statements.values()].reduce((n, c) => n + c, 0),
    top: () => [...statements].sort((x, y) => y[1] - x[1]).slice(0, 25),
  };
}

/** (b): bulk-seeds one day's ledger, then times its close. */
async function closeTime() {
  const billing = await startSubgraph(createBilling(), { runWorkers: false });
  try {
    const day = FIRST_DAY;
    const em = billing.runtime.orm.em.fork() as EntityManager;
    // The seed goes through the guards (the subgraph's migrations made them), as every write does.
    const employees = await seedEmployees(em);
    await ensureAccounts(
      em,
      employees.flatMap((id, i) => [
        costCentre(departmentOf(i), 'GBP'),
        liability({ id, employeeNumber: null }, 'GBP'),
      ]),
    );
    const seedStarted = performance.now();
    const chunk = 1000;
    for (let from = 0; from < TRANSACTIONS; from += chunk) {
      const txs: LedgerTransaction[] = [];
      const postings: Posting[] = [];
      const at = new Date(`${day}T16:00:00Z`);
      for (let k = from; k < Math.min(from + chunk, TRANSACTIONS); k++) {
        const i = k % employees.length;
        const amount = 1000 + (k % 997);
        const tx: LedgerTransaction = {
          id: uuidv7(),
          kind: 'COST',
          entryId: uuidv7(),
          employeeId: employees[i]!,
          workDate: day,
          bookingDate: day,
          late: false,
          occurredAt: at,
          sourceEventId: uuidv7(),
          cause: 'time.entry.recorded',
          reversesId: null,
          rateCardId: null,
          recordedAt: at,
        };
        txs.push(tx);
        const line = (account: string, amountMinor: number): Posting => ({
          id: uuidv7(),
          transactionId: tx.id,
          accountId: account,
          amountMinor,
          currency: 'GBP',
          bookingDate: day,
        });
        postings.push(
          line(accountId('COST_CENTRE', departmentOf(i), 'GBP'), amount),
          line(accountId('PAYROLL_LIABILITY', employees[i]!, 'GBP'), -amount),
        );
      }
      // Postings first: on SQLite the transaction row seals its postings (the guards).
      await em.transactional(async (tx) => {
        await tx.insertMany(PostingSchema, postings);
        await tx.insertMany(TransactionSchema, txs);
      });
    }
    const seeded = (performance.now() - seedStarted) / 1000;
    const before = await ledgerCounts(em);
    if (before.transactions !== TRANSACTIONS || !before.balanced)
      throw new Error(`Seeding went wrong: ${JSON.stringify(before)}.`);

    let transactionCount = 0;
    let elapsed = 0;
    const sql = await billing.countQueries(async () => {
      const started = performance.now();
      await billing.runtime.orm.em.fork().transactional(async (tx) => {
        const emitted: unknown[] = [];
        await closeDayJob.run({
          jobId: `billing.closeDay:${day}`,
          runAt: new Date(),
          payload: { date: day },
          em: tx,
          emit: (draft) => emitted.push(draft),
          schedule: () => undefined,
        });
        const data = (emitted[0] as { data?: { transactionCount?: number } } | undefined)?.data;
        transactionCount = data?.transactionCount ?? 0;
      });
      elapsed = performance.now() - started;
    });
    if (transactionCount !== TRANSACTIONS)
      throw new Error(`The close counted ${transactionCount} of ${TRANSACTIONS} transactions.`);
    return { seeded, elapsed, queries: sql.length, sql };
  } finally {
    await billing.stop();
  }
}

async function main(): Promise<void> {
  const database = databaseKnob('postgres');
  await measureWithNats('bench-billing', async (nats) => {
    const lines = [
      `database: ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}; ${EMPLOYEES} employees`,
    ];
    const rates: number[] = [];
    for (const [name, module] of backlogPaths(billingWithoutJobs)) {
      const a = await postingRate(nats, module);
      rates.push(a.rate);
      lines.push(
        `(a) ${name}: backlog of ${EVENTS} time.entry.recorded -> ledger ${a.seconds.toFixed(2)} s after the start, ` +
          `${a.rate.toFixed(0)} events/s from the first transaction, ${((a.rate * a.postings) / EVENTS).toFixed(0)} postings/s ` +
          `(${a.transactions} transactions, ${a.postings} postings)`,
        `    ${(a.queries / EVENTS).toFixed(2)} SQL statements per event on billing's database (consumer, relay and this poll)`,
        `    ledger sums to zero: ${a.balanced ? 'yes' : `NO (${a.total})`}`,
      );
      if (!a.balanced) process.exitCode = 1;
    }
    if (rates.length < 2) return lines;
    lines.push(...batchGainLine(rates).map((line) => `(a) ${line}`));
    const b = await closeTime();
    return [
      ...lines,
      `(b) close of a day with ${TRANSACTIONS} transactions (${2 * TRANSACTIONS} postings, seeded in ${b.seeded.toFixed(1)} s): ` +
        `${b.elapsed.toFixed(0)} ms, ${b.queries} queries`,
      ...(process.env.VERBOSE
        ? b.sql.map((s) => `    ${s.replace(/\s+/g, ' ').slice(0, 200)}`)
        : []),
    ];
  });
}

runBench(main);
