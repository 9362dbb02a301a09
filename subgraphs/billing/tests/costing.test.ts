import { buildSubgraphSchema } from '@apollo/subgraph';
import { validate } from 'graphql';
import { loadContract } from '../../../schema/src/contract';
import { assessEntry, billing, closeDayJob, costEntry, RateBook } from '../src';
import type { RateCard } from '../src/entities';
import { assertBalanced } from '../src/ledger';
import { isCurrency, roundHalfEven, toScaled } from '../src/money';
import { rateCardRow } from './support';

const card = (fields: Partial<RateCard> = {}): RateCard => ({
  ...rateCardRow('01', { grade: 'G1', effectiveFrom: '2026-01-01', rate: 2000 }),
  ...fields,
});

const employee = {
  timeZone: 'Europe/London',
  location: 'ENGLAND_AND_WALES',
  grades: [{ from: '0001-01-01', version: 1, value: 'G1' }],
  departments: [{ from: '0001-01-01', version: 1, value: 'Ops' }],
};

const entry = (start: string, end: string, periodType = 'SHIFT', mealBreakMinutes = 0) => ({
  periodType,
  startTime: new Date(start),
  endTime: new Date(end),
  mealBreakMinutes,
});

const amounts = (costs: { workDate: string; amountMinor: number }[]) =>
  Object.fromEntries(costs.map((c) => [c.workDate, c.amountMinor]));

describe('billing: money and costing rules', () => {
  it('rounds half to even, both signs', () => {
    expect([5n, 15n, 25n, 35n, -5n, -15n].map((n) => roundHalfEven(n, 10n))).toEqual([
      0n,
      2n,
      2n,
      4n,
      0n,
      -2n,
    ]);
    expect(roundHalfEven(14n, 10n)).toBe(1n);
    expect(roundHalfEven(16n, 10n)).toBe(2n);
  });

  it('knows currencies and four-decimal multipliers', () => {
    expect(isCurrency('GBP')).toBe(true);
    expect(isCurrency('XYZ')).toBe(false);
    expect(toScaled(1.5)).toBe(15000);
    expect(toScaled(1.23456)).toBeNull();
  });

  const rates = new RateBook([card()]);

  it('costs day minutes at base, night minutes at the night multiplier', () => {
    // 22:00-02:00 in winter: 1 h base, 3 h night, split at midnight.
    const costs = costEntry(entry('2026-01-13T22:00:00Z', '2026-01-14T02:00:00Z'), employee, rates);
    expect(amounts(costs)).toEqual({ '2026-01-13': 2000 + 2500, '2026-01-14': 5000 });
  });

  it('takes the highest multiplier, never stacked: overtime at night on a holiday', () => {
    // 25 December 2026 is a bank holiday; OVERTIME at night pays max(1.5, 1.25, 2) = 2.
    const costs = costEntry(
      entry('2026-12-25T02:00:00Z', '2026-12-25T04:00:00Z', 'OVERTIME'),
      employee,
      rates,
    );
    expect(amounts(costs)).toEqual({ '2026-12-25': 8000 });
  });

  it('takes the meal break off daytime minutes of the first day', () => {
    const costs = costEntry(
      entry('2026-01-13T21:00:00Z', '2026-01-14T01:00:00Z', 'SHIFT', 90),
      employee,
      rates,
    );
    // Day 1: 2 h daytime less 1.5 h meal = 0.5 h, plus 1 h night.
    expect(amounts(costs)).toEqual({ '2026-01-13': 1000 + 2500, '2026-01-14': 2500 });
  });

  it('splits at local midnight and counts real time over a clock change', () => {
    // 29 March 2026: the clocks go forward at 01:00 GMT; 23:00 GMT to 07:00 BST is 7 h.
    const costs = costEntry(
      entry('2026-03-28T23:00:00Z', '2026-03-29T06:00:00Z'),
      employee,
      new RateBook([card({ nightMultiplier: 10000 })]),
    );
    expect(costs.reduce((s, c) => s + c.amountMinor, 0)).toBe(7 * 2000);
    expect(costs.map((c) => c.workDate)).toEqual(['2026-03-28', '2026-03-29']);
  });

  it('rounds once per day, half to even', () => {
    // 1 minute at £0.30 an hour = 0.5p: rounds to 0 (even); 3 minutes = 1.5p: rounds to 2.
    const cheap = new RateBook([card({ baseHourlyRateMinor: 30 })]);
    const one = costEntry(entry('2026-01-13T10:00:00Z', '2026-01-13T10:01:00Z'), employee, cheap);
    const three = costEntry(entry('2026-01-13T10:00:00Z', '2026-01-13T10:03:00Z'), employee, cheap);
    expect(one).toEqual([]);
    expect(three.map((c) => c.amountMinor)).toEqual([2]);
  });

  it('costs nothing for unpaid kinds, open entries, or days without a card', () => {
    expect(
      costEntry(entry('2026-01-13T09:00:00Z', '2026-01-13T17:00:00Z', 'ON_CALL'), employee, rates),
    ).toEqual([]);
    expect(
      costEntry(
        { ...entry('2026-01-13T09:00:00Z', '2026-01-13T17:00:00Z'), endTime: null },
        employee,
        rates,
      ),
    ).toEqual([]);
    expect(
      costEntry(entry('2025-12-31T09:00:00Z', '2025-12-31T17:00:00Z'), employee, rates),
    ).toEqual([]);
  });

  it('marks paid days it cannot cost with the reason, never as a cost of 0', () => {
    const shift = entry('2026-01-13T22:00:00Z', '2026-01-14T02:00:00Z');
    const reasons = (who: Parameters<typeof assessEntry>[1], book = rates) =>
      assessEntry(shift, who, book).uncosted.map((d) => `${d.workDate} ${d.reason}`);
    expect(reasons(null)).toEqual(['2026-01-13 EMPLOYEE_UNKNOWN', '2026-01-14 EMPLOYEE_UNKNOWN']);
    expect(reasons({ ...employee, grades: [] })).toEqual([
      '2026-01-13 NO_GRADE',
      '2026-01-14 NO_GRADE',
    ]);
    expect(reasons({ ...employee, departments: [] })).toEqual([
      '2026-01-13 NO_DEPARTMENT',
      '2026-01-14 NO_DEPARTMENT',
    ]);
    // The card starts on the second day: the first waits, the second is costed.
    const later = new RateBook([card({ effectiveFrom: '2026-01-14' })]);
    expect(reasons(employee, later)).toEqual(['2026-01-13 NO_RATE_CARD']);
    expect(assessEntry(shift, employee, later).costs.map((c) => c.workDate)).toEqual([
      '2026-01-14',
    ]);
    // A rate of 0 is a deliberate cost of nothing: not uncosted, and nothing to post.
    const free = assessEntry(shift, employee, new RateBook([card({ baseHourlyRateMinor: 0 })]));
    expect(free).toEqual({ costs: [], uncosted: [] });
    // Unpaid kinds and open entries are not waiting for anything.
    expect(assessEntry({ ...shift, periodType: 'ON_CALL' }, null, rates).uncosted).toEqual([]);
    expect(assessEntry({ ...shift, endTime: null }, null, rates).uncosted).toEqual([]);
  });

  it('uses the card in effect on each day, the newest set for a day winning', () => {
    const book = new RateBook([
      card({ id: '01', effectiveFrom: '2026-01-01', baseHourlyRateMinor: 1000 }),
      card({ id: '02', effectiveFrom: '2026-02-01', baseHourlyRateMinor: 1200 }),
      card({ id: '03', effectiveFrom: '2026-02-01', baseHourlyRateMinor: 1300 }),
    ]);
    expect(book.on('G1', '2026-01-31')!.baseHourlyRateMinor).toBe(1000);
    expect(book.on('G1', '2026-02-01')!.baseHourlyRateMinor).toBe(1300);
    expect(book.on('G2', '2026-02-01')).toBeNull();
  });

  it('plans the daily close for yesterday and today, at 00:30 London time', () => {
    const plan = closeDayJob.plan!(new Date('2026-07-10T15:00:00Z'));
    expect(plan).toEqual([
      expect.objectContaining({
        id: 'billing.closeDay:2026-07-09',
        runAt: new Date('2026-07-09T23:30:00Z'),
      }),
      expect.objectContaining({
        id: 'billing.closeDay:2026-07-10',
        runAt: new Date('2026-07-10T23:30:00Z'),
      }),
    ]);
  });
});

describe('billing schema', () => {
  const ours = loadContract().filter((o) => o.file === 'billing.graphql');
  const schema = buildSubgraphSchema({
    typeDefs: billing.typeDefs,
    resolvers: billing.resolvers as never,
  });

  it('serves every contract operation of billing.graphql', () => {
    expect(ours.map((o) => o.name).sort()).toEqual([
      'AccountStatement',
      'BillingAccounts',
      'CloseBillingDay',
      'EmployeeCost',
      'SetRateCard',
      'TrialBalance',
    ]);
    // EmployeeCost starts at employees' `employee(id:)`; the rest validate here alone.
    for (const operation of ours.filter((o) => o.name !== 'EmployeeCost'))
      expect(validate(schema, operation.document)).toEqual([]);
  });
});

describe('billing: the balance check in code', () => {
  it('refuses a transaction whose postings do not sum to zero, or that has none', () => {
    const tx = { id: 't1' } as never;
    const line = (amountMinor: number) => ({
      id: String(amountMinor),
      transactionId: 't1',
      accountId: 'a',
      amountMinor,
      currency: 'GBP',
      bookingDate: '2026-01-01',
    });
    expect(() => assertBalanced([tx], [line(100), line(-99)])).toThrow(/sum to zero/);
    expect(() => assertBalanced([tx], [])).toThrow(/no postings/);
    expect(() => assertBalanced([tx], [line(100), line(-100)])).not.toThrow();
    expect(() => assertBalanced([tx], [line(0.5), line(-0.5)])).toThrow(/minor units/);
  });
});
