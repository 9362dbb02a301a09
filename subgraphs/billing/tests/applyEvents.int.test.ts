import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { type EventEnvelope, loadCatalogue } from '../../../messaging';
import { asHandled, foreignEvent } from '../../../test-support/startSubgraph';
import { versionsFrom, type OpOf } from '../../../test-support/employeeEventOps';
import { DayCloseSchema, RateCardSchema } from '../src/entities';
import { table } from '../src/guards';
import { ledgerHandler } from '../src/handlers';
import {
  employeeCreated,
  entryEvent,
  ledgerSums,
  managerAssigned,
  rateCardRow,
  startBilling,
  type BillingHarness,
} from './support';
import { sorted, without } from '../../../test-support/sameEffectInBatches';

const catalogue = loadCatalogue();
const EMPLOYEES = 3;
const ENTRIES = 6;
/** Work days 2026-03-01 to 03-08; the ledger is closed up to 03-03, so earlier work is late. */
const DAYS = 8;
const CLOSED = '2026-03-03';
const day = (n: number) => `2026-03-${String(n + 1).padStart(2, '0')}`;

/** G1 in GBP all along; G2 in EUR, then GBP from 03-05; G3 has no card (uncosted). */
const CARDS = [
  rateCardRow(uuidv7(), { grade: 'G1', effectiveFrom: '2026-01-01', rate: 1000 }),
  rateCardRow(uuidv7(), { grade: 'G2', effectiveFrom: '2026-01-01', rate: 1200, currency: 'EUR' }),
  rateCardRow(uuidv7(), { grade: 'G2', effectiveFrom: '2026-03-05', rate: 1500 }),
];

const entryOp = fc.record({
  kind: fc.constantFrom('recorded', 'amended', 'recorded', 'deleted') as fc.Arbitrary<
    'recorded' | 'amended' | 'deleted'
  >,
  entry: fc.nat(ENTRIES - 1),
  employee: fc.nat(EMPLOYEES - 1),
  /** Added to the entry's highest version so far: repeats, stale and skipped versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
  day: fc.nat(DAYS - 1),
  startHour: fc.nat(23),
  hours: fc.integer({ min: 1, max: 30 }),
  periodType: fc.constantFrom('SHIFT', 'SHIFT', 'OVERTIME', 'TRAINING', 'ON_CALL'),
  meal: fc.constantFrom(0, 30, 600),
  open: fc.boolean(),
});

const employeeOp = fc.record({
  kind: fc.constantFrom('hired', 'updated', 'updated', 'manager') as fc.Arbitrary<
    'hired' | 'updated' | 'manager'
  >,
  employee: fc.nat(EMPLOYEES - 1),
  field: fc.constantFrom('grade', 'department', 'employeeNumber'),
  value: fc.nat(2),
  day: fc.nat(DAYS - 1),
});

type Op = OpOf<typeof entryOp> | OpOf<typeof employeeOp>;

/** Turns operations into catalogue-valid events for fresh employees and entries. */
function eventsOf(ops: Op[], run: number) {
  const employees = Array.from({ length: EMPLOYEES }, () => uuidv7());
  const entries = Array.from({ length: ENTRIES }, () => uuidv7());
  const entryVersion = versionsFrom<number>(1);
  // A hire is version 1; every later employees event counts up from it.
  const employeeVersion = versionsFrom<number>(2);
  const department = (n: number) => `D${run}-${n}`;
  const events = ops.map((op): EventEnvelope => {
    if ('entry' in op) {
      const version = entryVersion(op.entry, op.bump);
      const start = Date.parse(`${day(op.day)}T00:00:00Z`) + op.startHour * 3_600_000;
      return entryEvent(op.kind, {
        entryId: entries[op.entry]!,
        employeeId: employees[op.employee]!,
        version,
        periodType: op.periodType,
        startTime: new Date(start).toISOString(),
        endTime: op.open ? null : new Date(start + op.hours * 3_600_000).toISOString(),
        mealBreakMinutes: op.meal,
      });
    }
    const id = employees[op.employee]!;
    const version = employeeVersion(op.employee, 1);
    if (op.kind === 'hired')
      return employeeCreated(id, { grade: 'G1', department: department(op.employee) });
    if (op.kind === 'manager') return managerAssigned(id, employees[op.value]!, version);
    const value = op.field === 'grade' ? `G${op.value + 1}` : `${op.field[0]}${run}-${op.value}`;
    const event = foreignEvent('employees.employee.updated', {
      employeeId: id,
      employeeNumber: `E-${id.slice(-8)}`,
      version,
      changes: { [op.field]: { old: null, new: value } },
    });
    // The change holds from the event's local day, so it lands among the entries' days.
    return { ...event, time: `${day(op.day)}T12:00:00.000Z` };
  });
  // Two are hired first, so most work is costed; the third only if an operation hires them.
  const hires = employees
    .slice(0, 2)
    .map((id, n) => employeeCreated(id, { grade: 'G1', department: department(n) }));
  for (const event of [...hires, ...events]) catalogue.validate(event);
  return { events: [...hires, ...events], employees };
}

const noEmit = () => {
  throw new Error('The ledger emits no events.');
};

const rows = async (h: BillingHarness, name: string) =>
  (await h.runtime.orm.em
    .fork()
    .getConnection()
    .execute(`select * from ${table(h.runtime.orm.em as never, name)}`)) as Record<
    string,
    unknown
  >[];

/**
 * Billing's tables as far as the run's employees go, with what is random by nature left
 * out: row ids and times of writing. Transactions are named by what they book (and a
 * reversal by the transaction it reverses), so postings are compared by that name.
 */
async function stateOf(h: BillingHarness, employees: string[], run: number) {
  const mine = (row: Record<string, unknown>) => employees.includes(String(row.employee_id));
  const txs = (await rows(h, 'billing_transactions')).filter(mine);
  const byId = new Map(txs.map((tx) => [tx.id, tx]));
  const name = (tx: Record<string, unknown>): string =>
    [tx.kind, tx.entry_id, tx.work_date, tx.source_event_id, tx.rate_card_id].join('|') +
    (tx.reverses_id ? ` reverses ${name(byId.get(tx.reverses_id)!)}` : '');
  const postings = (await rows(h, 'billing_postings'))
    .filter((p) => byId.has(p.transaction_id))
    .map((p) => ({ ...without(p, 'id', 'transaction_id'), of: name(byId.get(p.transaction_id)!) }));
  const accounts = new Set(postings.map((p) => (p as Record<string, unknown>).account_id));
  const ours = (owner: string) =>
    employees.includes(owner) || owner.toLowerCase().startsWith(`d${run}-`);
  return {
    employees: sorted(
      (await rows(h, 'billing_employees')).filter((e) => employees.includes(String(e.id))),
    ),
    grades: sorted((await rows(h, 'billing_employee_grades')).filter(mine)),
    entries: sorted((await rows(h, 'billing_entries')).filter(mine)),
    uncosted: sorted(
      (await rows(h, 'billing_uncosted_entries')).filter(mine).map((u) => without(u, 'checked_at')),
    ),
    accounts: sorted(
      (await rows(h, 'billing_accounts'))
        .filter((a) => accounts.has(a.id) || ours(String(a.owner_key)))
        .map((a) => without(a, 'created_at')),
    ),
    transactions: sorted(
      txs.map((tx) => ({ ...without(tx, 'id', 'reverses_id', 'recorded_at'), name: name(tx) })),
    ),
    postings: sorted(postings),
    sums: [...ledgerSums(postings as never).values()].filter((sum) => sum !== 0),
  };
}

describe('billing: the batch path has exactly the effect of one event at a time', () => {
  let oneByOne: BillingHarness;
  let batched: BillingHarness;
  let run = 0;

  beforeAll(async () => {
    [oneByOne, batched] = await Promise.all([startBilling(), startBilling()]);
    for (const h of [oneByOne, batched]) {
      const em = h.runtime.orm.em.fork();
      await em.insertMany(RateCardSchema, CARDS);
      await em.insert(DayCloseSchema, {
        date: CLOSED,
        closedAt: new Date(),
        transactionCount: 0,
        lateTransactionCount: 0,
        totals: [],
        jobId: null,
      });
    }
  });
  afterAll(async () => {
    await oneByOne?.stop();
    await batched?.stop();
  });

  it('writes the same billing rows for any events cut into any batches', async () => {
    const property = fc.asyncProperty(
      fc.array(fc.oneof({ arbitrary: entryOp, weight: 3 }, { arbitrary: employeeOp, weight: 1 }), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }),
      async (ops, sizes) => {
        run += 1;
        const { events, employees } = eventsOf(ops, run);
        for (const event of events)
          await oneByOne.transaction((em) =>
            ledgerHandler.handle(asHandled(event) as never, { em, emit: noEmit }),
          );
        for (let at = 0, i = 0; at < events.length; i += 1) {
          const batch = events.slice(at, at + sizes[i % sizes.length]!).map(asHandled) as never[];
          await batched.transaction((em) =>
            ledgerHandler.handleBatch!(batch, { em, emit: noEmit }),
          );
          at += batch.length;
        }
        const expected = await stateOf(oneByOne, employees, run);
        expect(await stateOf(batched, employees, run)).toEqual(expected);
        expect(expected.sums).toEqual([]);
      },
    );
    await fc.assert(property, { numRuns: 40 });
  }, 300_000);
});
