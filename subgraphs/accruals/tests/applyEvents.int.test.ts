import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { createEvent, type EventEnvelope, loadCatalogue } from '../../../messaging';
import { sqlTable } from '../../../runtime';
import { asHandled, foreignEvent } from '../../../test-support/startSubgraph';
import { entities } from '../src/entities';
import { applyEvents } from '../src/handlers';
import {
  agreementEvent,
  employeeCreated,
  entryEvent,
  startAccruals,
  type AccrualsHarness,
} from './support';
import { sorted, without } from '../../../test-support/sameEffectInBatches';
import type { OpOf } from '../../../test-support/employeeEventOps';

const catalogue = loadCatalogue();
const EMPLOYEES = 2;
const ENTRIES = 6;
/** Work days from 2025-06-01; agreements start and end around them. */
const DAYS = 10;
const NOW = new Date('2025-06-08T12:00:00Z');
const day = (n: number) => `2025-06-${String(n + 1).padStart(2, '0')}`;

const entryOp = fc.record({
  kind: fc.constantFrom('recorded', 'amended', 'recorded', 'deleted') as fc.Arbitrary<
    'recorded' | 'amended' | 'deleted'
  >,
  /** Entry n belongs to employee n modulo EMPLOYEES, as an entry keeps its employee. */
  entry: fc.nat(ENTRIES - 1),
  /** Added to the entry's highest version so far: repeats, stale and skipped versions too. */
  bump: fc.integer({ min: -1, max: 2 }),
  day: fc.nat(DAYS - 1),
  startHour: fc.nat(23),
  hours: fc.integer({ min: 1, max: 30 }),
  periodType: fc.constantFrom('SHIFT', 'SHIFT', 'OVERTIME', 'ON_CALL'),
  meal: fc.constantFrom(0, 30),
});

const agreementOp = fc.record({
  kind: fc.constant('agreement' as const),
  employee: fc.nat(EMPLOYEES - 1),
  bump: fc.integer({ min: 0, max: 2 }),
  startDate: fc.constantFrom('2025-05-30', '2025-06-03'),
  endDate: fc.constantFrom('2025-06-06', '2025-06-30', '2026-03-31'),
  /** Some types without a target, so a type can come and go with its entries. */
  targets: fc.subarray(['ANNUAL_TARGET_HOURS', 'NIGHT_HOURS', 'ON_CALL_WEEKDAY']),
  opening: fc.constantFrom(0, 40),
});

const employeeOp = fc.record({
  kind: fc.constant('employee' as const),
  employee: fc.nat(EMPLOYEES - 1),
  field: fc.constantFrom('timeZone', 'location', 'managerId'),
  value: fc.boolean(),
});

type Op = OpOf<typeof entryOp> | OpOf<typeof agreementOp> | OpOf<typeof employeeOp>;

const employeeValue = (field: string, value: boolean) =>
  field === 'timeZone'
    ? value
      ? 'America/New_York'
      : 'Europe/London'
    : value
      ? 'SCOTLAND'
      : 'ENGLAND_AND_WALES';

/** Turns operations into catalogue-valid events for fresh employees, agreements and entries. */
function eventsOf(ops: Op[]) {
  const employees = Array.from({ length: EMPLOYEES }, () => uuidv7());
  const agreements = employees.map(() => uuidv7());
  const entries = Array.from({ length: ENTRIES }, () => uuidv7());
  const versions = new Map<string, number>();
  const next = (id: string, bump: number) => {
    const version = Math.max(1, (versions.get(id) ?? 0) + bump);
    versions.set(id, Math.max(version, versions.get(id) ?? 0));
    return version;
  };
  const events = ops.map((op): EventEnvelope => {
    if (op.kind === 'agreement') {
      const employeeId = employees[op.employee]!;
      return agreementEvent(employeeId, {
        agreementId: agreements[op.employee],
        version: next(agreements[op.employee]!, op.bump),
        type: versions.get(agreements[op.employee]!) === 1 ? 'created' : 'amended',
        startDate: op.startDate,
        endDate: op.endDate,
        targets: op.targets.map((accrualType) => ({ accrualType, total: 200 })),
        openingBalances: op.opening ? [{ accrualType: 'ANNUAL_TARGET_HOURS', total: 40 }] : [],
      });
    }
    if (op.kind === 'employee') {
      const employeeId = employees[op.employee]!;
      const version = next(employeeId, 1) + 1;
      const employeeNumber = `E-${employeeId.slice(-8)}`;
      if (op.field === 'managerId') {
        const managerId = employees[Number(op.value)]!;
        const data = { employeeId, employeeNumber, version, managerId, previousManagerId: null };
        return foreignEvent('employees.manager.assigned', data);
      }
      const value = employeeValue(op.field, op.value);
      return foreignEvent('employees.employee.updated', {
        employeeId,
        employeeNumber,
        version,
        changes: { [op.field]: { old: null, new: value } },
      });
    }
    const employeeId = employees[op.entry % EMPLOYEES]!;
    const start = Date.parse(`${day(op.day)}T00:00:00Z`) + op.startHour * 3_600_000;
    return entryEvent(op.kind, {
      entryId: entries[op.entry]!,
      employeeId,
      version: next(entries[op.entry]!, op.bump),
      periodType: op.periodType,
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + op.hours * 3_600_000).toISOString(),
      mealBreakMinutes: op.meal,
    });
  });
  const hires = employees.map((id) => employeeCreated(id));
  for (const event of [...hires, ...events]) catalogue.validate(event);
  return { events: [...hires, ...events], employees };
}

async function rows(h: AccrualsHarness, className: string, employees: string[]) {
  const em = h.runtime.orm.em.fork();
  const all = (await em
    .getConnection()
    .execute(`select * from ${sqlTable(em, className)}`)) as Record<string, unknown>[];
  return all.filter((row) => employees.includes(String(row.employee_id ?? row.id)));
}

/**
 * Whether a status row stands: its agreement covers the day of NOW and still targets its
 * type. Others are memories of a status passed through, which one at a time may keep and a
 * batch, checking once, never sees.
 */
/** An agreement row's targets: JSON text on SQLite, parsed already on PostgreSQL. */
const targetsOf = ({ targets }: Record<string, unknown>) =>
  (typeof targets === 'string' ? JSON.parse(targets) : targets) as {
    accrualType: string;
    total: number;
  }[];

function standing(agreements: Record<string, unknown>[]) {
  const on = NOW.toISOString().slice(0, 10);
  return (row: Record<string, unknown>) =>
    agreements.some(
      (a) =>
        a.id === row.agreement_id &&
        String(a.start_date) <= on &&
        on <= String(a.end_date) &&
        targetsOf(a).some((t) => t.accrualType === row.accrual_type && t.total > 0),
    );
}

/**
 * Accruals' tables as far as the run's employees go, with what is random by nature left out
 * (row ids, times of writing). A standing status counts by its value alone, an unseen one as
 * on track. How many balance changes were announced (`accruals_balance_versions`) differs by
 * design: a batch announces each balance once.
 */
async function stateOf(h: AccrualsHarness, employees: string[], chains: string[]) {
  const state: Record<string, string[]> = {};
  const agreements = await rows(h, 'AccrualsAgreement', employees);
  for (const { meta } of entities) {
    if (meta.className === 'AccrualBalanceVersion') continue;
    if (meta.className === 'AccrualsCorrelation') {
      const em = h.runtime.orm.em.fork();
      const seen = (await em
        .getConnection()
        .execute(`select * from ${sqlTable(em, meta.className)}`)) as Record<string, unknown>[];
      state.chains = sorted(
        seen
          .filter((row) => chains.includes(String(row.correlation_id)))
          .map((row) => without(row, 'applied_at')),
      );
      continue;
    }
    const found = await rows(h, meta.className, employees);
    state[meta.className] = sorted(
      meta.className === 'AccrualBalanceStatus'
        ? found
            .filter((row) => row.status !== 'ON_TRACK' && standing(agreements)(row))
            .map((row) => ({ id: row.id, status: row.status }))
        : found.map((row) => (meta.className === 'AccrualsEmployee' ? row : without(row, 'id'))),
    );
  }
  return state;
}

describe('accruals: the batch path has exactly the effect of one event at a time', () => {
  let oneByOne: AccrualsHarness;
  let batched: AccrualsHarness;

  beforeAll(async () => {
    [oneByOne, batched] = await Promise.all([
      startAccruals({ now: NOW }),
      startAccruals({ now: NOW }),
    ]);
  });
  afterAll(async () => {
    await oneByOne?.stop();
    await batched?.stop();
  });

  /** The same events, applied one at a time and cut into batches of `sizes`, leave the same tables. */
  async function expectSameEffect(ops: Op[], sizes: number[]) {
    const { events, employees } = eventsOf(ops);
    for (const event of events) await oneByOne.apply(event);
    for (let at = 0, i = 0; at < events.length; i += 1) {
      const batch = events.slice(at, at + sizes[i % sizes.length]!).map(asHandled);
      await batched.transaction((em) =>
        applyEvents(
          em,
          batch as never,
          (cause, draft) => {
            const meta = { source: '/subgraphs/accruals', correlationId: cause.correlationid };
            catalogue.validate(createEvent(draft, meta));
          },
          NOW,
        ),
      );
      at += batch.length;
    }
    const chains = events.map((e) => e.correlationid);
    const expected = await stateOf(oneByOne, employees, chains);
    expect(await stateOf(batched, employees, chains)).toEqual(expected);
  }

  it('keeps one start row when an entry leaves its day empty for a later one', async () => {
    const shift = {
      kind: 'recorded',
      entry: 0,
      startHour: 0,
      hours: 1,
      periodType: 'SHIFT',
      meal: 0,
    };
    await expectSameEffect(
      [
        {
          kind: 'agreement',
          employee: 0,
          bump: 0,
          startDate: '2025-05-30',
          endDate: '2025-06-06',
          targets: [],
          opening: 0,
        },
        { ...shift, bump: 0, day: 0 },
        { ...shift, bump: 1, day: 1 },
      ] as Op[],
      [1],
    );
  });

  it('writes the same balances for any events cut into any batches', async () => {
    const property = fc.asyncProperty(
      fc.array(
        fc.oneof(
          { arbitrary: entryOp, weight: 4 },
          { arbitrary: agreementOp, weight: 1 },
          { arbitrary: employeeOp, weight: 1 },
        ),
        { minLength: 1, maxLength: 30 },
      ),
      fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }),
      expectSameEffect,
    );
    await fc.assert(property, { numRuns: 100 });
  }, 300_000);
});
