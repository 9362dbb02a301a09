import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, loadCatalogue } from '../../../messaging';
import path from 'node:path';
import { Client } from 'pg';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import {
  foreignEvent,
  startSubgraph,
  type Caller,
  type SubgraphHarness,
  asHandled,
} from '../../../test-support/startSubgraph';
import { applyEvent, createBilling } from '../src';
import type { RateCard } from '../src/entities';
import { table } from '../src/guards';
import { entryData, entryPeriod, type EntryFields } from '../../../test-support/timeEntryEvents';

export type { EntryFields };

const catalogue = loadCatalogue();

export const finance: Caller = { role: 'FINANCE', sub: uuidv7() };

/** A settable clock: billing checks rate cards and closes against it. */
export interface Clock {
  now: Date;
}

export interface BillingHarness extends SubgraphHarness {
  clock: Clock;
  /** Applies a catalogue-valid event in one transaction, as the consumer does. */
  apply(event: EventEnvelope): Promise<void>;
  /** Hires an employee (employees.employee.created) and returns the id. */
  hire(fields?: Partial<EmployeeFields>): Promise<string>;
  /** Sets a rate card as FINANCE; fails the test on an error. */
  setCard(card: CardFields): Promise<Record<string, unknown>>;
  /** Every ledger transaction, with its postings, straight from the tables. */
  ledger(): Promise<{ transactions: LedgerRow[]; postings: PostingRow[] }>;
}

export interface LedgerRow {
  id: string;
  kind: string;
  entry_id: string;
  employee_id: string;
  work_date: string;
  booking_date: string;
  late: boolean | number;
  reverses_id: string | null;
  source_event_id: string | null;
}

export interface PostingRow {
  transaction_id: string;
  account_id: string;
  amount_minor: number | string;
  currency: string;
}

export interface EmployeeFields {
  department: string;
  grade: string;
  managerId: string | null;
  location: string;
  timeZone: string;
}

export interface CardFields {
  grade: string;
  effectiveFrom: string;
  rate: number;
  currency?: string;
  overtime?: number;
  night?: number;
  holiday?: number;
}

export const SET_RATE_CARD = `mutation ($input: SetRateCardInput!) {
  setRateCard(input: $input) { id grade effectiveFrom baseHourlyRate { amountMinor currency }
    overtimeMultiplier nightMultiplier publicHolidayMultiplier } }`;

export async function startBilling(now = '2026-03-02T12:00:00Z'): Promise<BillingHarness> {
  const clock: Clock = { now: new Date(now) };
  const h = await startHarness(createBilling({ now: () => clock.now }));
  let number = 0;
  const apply = async (event: EventEnvelope) => {
    catalogue.validate(event);
    await h.transaction((em) => applyEvent(em as never, asHandled(event) as never));
  };
  return {
    ...h,
    clock,
    apply,
    async hire(fields = {}) {
      const id = uuidv7();
      number += 1;
      await apply(employeeCreated(id, { ...fields, employeeNumber: `E${number}-${id.slice(-6)}` }));
      return id;
    },
    async setCard(card) {
      const reply = await h.gql(SET_RATE_CARD, { input: cardInput(card) }, finance);
      if (reply.errors) throw new Error(JSON.stringify(reply.errors));
      return reply.data!.setRateCard;
    },
    async ledger() {
      const em = h.runtime.orm.em.fork();
      const transactions = (await em
        .getConnection()
        .execute(
          `select * from ${table(em as never, 'billing_transactions')} order by id`,
        )) as LedgerRow[];
      const postings = (await em
        .getConnection()
        .execute(
          `select * from ${table(em as never, 'billing_postings')} order by id`,
        )) as PostingRow[];
      return { transactions, postings };
    },
  };
}

export const cardInput = (card: CardFields) => ({
  grade: card.grade,
  effectiveFrom: card.effectiveFrom,
  baseHourlyRate: { amountMinor: card.rate, currency: card.currency ?? 'GBP' },
  overtimeMultiplier: card.overtime ?? 1.5,
  nightMultiplier: card.night ?? 1.25,
  publicHolidayMultiplier: card.holiday ?? 2,
});

/** A card as billing stores it (multipliers in ten-thousandths), for costing by hand. */
export function rateCardRow(id: string, card: CardFields): RateCard {
  const input = cardInput(card);
  return {
    id,
    grade: card.grade,
    effectiveFrom: card.effectiveFrom,
    baseHourlyRateMinor: card.rate,
    currency: input.baseHourlyRate.currency,
    overtimeMultiplier: Math.round(input.overtimeMultiplier * 10000),
    nightMultiplier: Math.round(input.nightMultiplier * 10000),
    publicHolidayMultiplier: Math.round(input.publicHolidayMultiplier * 10000),
    setAt: new Date(),
    setBy: 'test',
    kind: null,
    correctionReason: null,
    reversedCount: null,
    postedCount: null,
    costedWaitingCount: null,
  };
}

export function employeeCreated(
  employeeId: string,
  fields: Partial<EmployeeFields> & { employeeNumber?: string; version?: number } = {},
): EventEnvelope {
  return foreignEvent('employees.employee.created', {
    employeeId,
    employeeNumber: fields.employeeNumber ?? `E-${employeeId.slice(-8)}`,
    version: fields.version ?? 1,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${employeeId}@example.com`,
    department: fields.department ?? 'Engineering',
    jobTitle: 'Engineer',
    grade: fields.grade ?? 'G1',
    employmentType: 'FULL_TIME',
    status: 'ACTIVE',
    hireDate: '2024-01-01',
    managerId: fields.managerId ?? null,
    location: fields.location ?? 'ENGLAND_AND_WALES',
    timeZone: fields.timeZone ?? 'Europe/London',
  });
}

export function managerAssigned(employeeId: string, managerId: string, version: number) {
  return foreignEvent('employees.manager.assigned', {
    employeeId,
    employeeNumber: `E-${employeeId.slice(-8)}`,
    version,
    managerId,
    previousManagerId: null,
  });
}

export function entryEvent(verb: 'recorded' | 'amended' | 'deleted', e: EntryFields) {
  return foreignEvent(
    `time.entry.${verb}`,
    {
      ...entryData(e),
      ...(verb === 'deleted' && { deletedAt: '2026-03-01T00:00:00.000Z' }),
      // Amended from a plain shift, whatever the entry is now.
      ...(verb === 'amended' && {
        previous: entryPeriod({ startTime: e.startTime, endTime: e.endTime }),
      }),
    },
    e.entryId,
  );
}

export const COST = `query ($reps: [_Any!]!, $from: Date!, $to: Date!) {
  _entities(representations: $reps) { ... on Employee { id cost(from: $from, to: $to) { amountMinor currency } } } }`;

/** An employee's cost over a period, as FINANCE. */
export async function costOf(h: BillingHarness, employeeId: string, from: string, to: string) {
  const reply = await h.gql(
    COST,
    { reps: [{ __typename: 'Employee', id: employeeId }], from, to },
    finance,
  );
  if (reply.errors) throw new Error(JSON.stringify(reply.errors));
  return reply.data!._entities[0].cost as { amountMinor: number; currency: string };
}

/** Sum of every posting per currency (must be zero). */
export function ledgerSums(postings: PostingRow[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const p of postings)
    sums.set(p.currency, (sums.get(p.currency) ?? 0) + Number(p.amount_minor));
  return sums;
}

/**
 * test-support/startSubgraph, but with the background workers off: the scheduler would
 * close the real yesterday while these tests pin the clock; the job test drives it itself.
 */
function startHarness(module: ReturnType<typeof createBilling>): Promise<SubgraphHarness> {
  return startSubgraph(module, { runWorkers: false, defaultCaller: finance });
}

interface SqliteDb {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  pragma(text: string): unknown;
  inTransaction: boolean;
  close(): void;
}
type SqliteDriver = new (file: string) => SqliteDb;

/** A connection of its own to the billing database, to try what no code path would do. */
export interface RawDb {
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Runs the statements in one transaction (rolled back if any fails, or its commit does). */
  inTransaction(statements: [string, unknown[]][]): Promise<void>;
  close(): Promise<void>;
}

export async function rawDb(h: BillingHarness): Promise<RawDb> {
  if (h.db.url) {
    const client = new Client({ connectionString: h.db.url });
    await client.connect();
    await client.query('set search_path to billing');
    const run = async (sql: string, params: unknown[] = []) => {
      let i = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++i}`),
        params,
      );
    };
    return { run, inTransaction: inTransaction(run, () => true), close: () => client.end() };
  }
  // better-sqlite3 as the ORM's knex loaded it (no type package is installed).
  const knex = (h.runtime.orm.em.getConnection() as AbstractSqlConnection).getKnex();
  const Database = (knex.client as { driver: SqliteDriver }).driver;
  const db = new Database(path.join(h.db.dataDir, 'billing.sqlite'));
  db.pragma('busy_timeout = 5000');
  const run = async (sql: string, params: unknown[] = []) => {
    db.prepare(sql).run(
      ...params.map((v) =>
        v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v,
      ),
    );
  };
  return {
    run,
    inTransaction: inTransaction(run, () => db.inTransaction),
    close: async () => void db.close(),
  };
}

/** Runs statements between begin and commit; rolls back on a failure while one is open. */
const inTransaction =
  (run: RawDb['run'], isOpen: () => boolean): RawDb['inTransaction'] =>
  async (statements) => {
    await run('begin');
    try {
      for (const [sql, params] of statements) await run(sql, params);
      await run('commit');
    } catch (error) {
      if (isOpen()) await run('rollback');
      throw error;
    }
  };

/**
 * Expects the database to refuse: matches the error's message. (`rejects.toThrow` is not
 * used: a native driver's error may come from another test file's realm, which Jest then
 * does not recognise as an Error.)
 */
export async function expectRefused(run: Promise<unknown>, pattern: RegExp): Promise<void> {
  let message: string | null = null;
  try {
    await run;
  } catch (error) {
    message = String((error as { message?: unknown } | null)?.message ?? error);
  }
  expect(message).toMatch(pattern);
}
