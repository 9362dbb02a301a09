import { v7 as uuidv7 } from 'uuid';
import { loadCatalogue } from '../../../messaging';
import { createTestScheduler } from '../../../test-support/createTestScheduler';
import { CLOSE_JOB, closeDayJob, DAY_CLOSED } from '../src';
import {
  costOf,
  entryEvent,
  finance,
  ledgerSums,
  expectRefused,
  rawDb,
  startBilling,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const STATEMENT = `query ($id: ID!, $from: Date!, $to: Date!) { billingAccount(id: $id) {
  statement(from: $from, to: $to) { openingBalance { amountMinor } closingBalance { amountMinor }
    transactions { id kind late workDate bookingDate amount { amountMinor } } } } }`;

describe('billing: the daily close', () => {
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));
  let employeeId: string;
  let centre: string;
  const shift = (entryId: string, version: number, day: string, end = '17:00') => ({
    entryId,
    employeeId,
    version,
    startTime: `${day}T09:00:00Z`,
    endTime: `${day}T${end}:00Z`,
  });
  const close = (date: string, caller = finance) =>
    h.op('CloseBillingDay', { input: { date } }, caller);
  const statement = async (from: string, to: string) => {
    const reply = await h.gql(STATEMENT, { id: centre, from, to }, finance);
    expect(reply.errors).toBeUndefined();
    return reply.data!.billingAccount.statement;
  };

  beforeAll(async () => {
    employeeId = await h.hire({ grade: 'G1', department: 'Finance' });
    await h.setCard({ grade: 'G1', effectiveFrom: '2026-03-03', rate: 1000 });
    h.clock.now = new Date('2026-03-20T12:00:00Z');
    const accounts = await h.op('BillingAccounts', {}, finance);
    centre = accounts.data!.billingAccounts.nodes.find(
      (a: { kind: string; name: string }) => a.kind === 'COST_CENTRE' && a.name.includes('Finance'),
    ).id;
  });

  it('closes a day once: a second close returns the first and emits nothing', async () => {
    await h.apply(entryEvent('recorded', shift(uuidv7(), 1, '2026-03-10')));
    const first = await close('2026-03-10');
    expect(first.data!.closeBillingDay).toEqual({
      date: '2026-03-10',
      closed: true,
      transactionCount: 1,
    });
    const second = await close('2026-03-10');
    expect(second.data!.closeBillingDay).toEqual(first.data!.closeBillingDay);
    const events = await h.eventsAbout('2026-03-10', DAY_CLOSED);
    expect(events).toHaveLength(1);
    const catalogue = loadCatalogue();
    expect(() => catalogue.validate(events[0])).not.toThrow();
    expect(events[0]!.data).toMatchObject({
      date: '2026-03-10',
      transactionCount: 1,
      totals: [{ currency: 'GBP', debitMinor: 8000, creditMinor: 8000 }],
    });
  });

  it('books late events on the next open day, marked late, and never rewrites a closed day', async () => {
    const entryId = uuidv7();
    await h.apply(entryEvent('recorded', shift(entryId, 1, '2026-03-11')));
    expect((await close('2026-03-11')).errors).toBeUndefined();
    const closedDay = await statement('2026-03-11', '2026-03-11');

    // The entry is amended after its day closed, and an entry for the closed day arrives.
    await h.apply(entryEvent('amended', shift(entryId, 2, '2026-03-11', '18:00')));
    await h.apply(entryEvent('recorded', shift(uuidv7(), 1, '2026-03-11', '10:00')));

    expect(await statement('2026-03-11', '2026-03-11')).toEqual(closedDay);
    const next = await statement('2026-03-12', '2026-03-12');
    expect(next.transactions).toHaveLength(3);
    expect(next.transactions.every((t: { late: boolean }) => t.late)).toBe(true);
    expect(next.transactions.map((t: { workDate: string }) => t.workDate)).toEqual([
      '2026-03-11',
      '2026-03-11',
      '2026-03-11',
    ]);
    // The cost of the work day is the final one (9 h + 1 h at £10).
    expect(await costOf(h, employeeId, '2026-03-11', '2026-03-11')).toMatchObject({
      amountMinor: 10000,
    });
    const nextClose = await close('2026-03-12');
    expect(nextClose.data!.closeBillingDay.transactionCount).toBe(3);
    const [event] = await h.eventsAbout('2026-03-12', DAY_CLOSED);
    expect(event!.data).toMatchObject({ lateTransactionCount: 3 });
  });

  it('a close racing with postings for its day: each posting is in the close or late after it', async () => {
    const entries = Array.from({ length: 4 }, () => uuidv7());
    await Promise.all([
      ...entries.map((id) => h.apply(entryEvent('recorded', shift(id, 1, '2026-03-13', '10:00')))),
      close('2026-03-13'),
    ]);
    const closed = await h.gql(
      `{ billingDayClose(date: "2026-03-13") { transactionCount } }`,
      {},
      finance,
    );
    const onDay = (await statement('2026-03-13', '2026-03-13')).transactions.length;
    const late = (await statement('2026-03-14', '2026-03-14')).transactions.length;
    expect(closed.data!.billingDayClose.transactionCount).toBe(onDay);
    expect(onDay + late).toBe(4);
  });

  it('the database refuses a booking on a closed day, and changing a close', async () => {
    const raw = await rawDb(h);
    try {
      await expectRefused(
        raw.run(
          `insert into billing_transactions (id, kind, entry_id, employee_id, work_date,
             booking_date, late, occurred_at, cause, recorded_at)
           values (?, 'COST', ?, ?, '2026-03-10', '2026-03-10', ?, ?, 'test', ?)`,
          [uuidv7(), uuidv7(), uuidv7(), false, new Date(), new Date()],
        ),
        /closed day/,
      );
      await expectRefused(raw.run('delete from billing_day_closes'), /append-only/);
      await expectRefused(
        raw.run('update billing_closing_balances set balance_minor = 0'),
        /append-only/,
      );
    } finally {
      await raw.close();
    }
  });

  it('refuses to close a day that has not begun, and EMPLOYEE callers', async () => {
    const future = await close('2026-03-21');
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const employee = await close('2026-03-15', { role: 'EMPLOYEE', sub: employeeId });
    expect(employee.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('the job closes yesterday once per day, whoever runs it, however often', async () => {
    h.clock.now = new Date('2026-03-16T09:00:00Z');
    const plan = closeDayJob.plan!(h.clock.now);
    expect(plan.map((d) => d.id)).toEqual([`${CLOSE_JOB}:2026-03-15`, `${CLOSE_JOB}:2026-03-16`]);
    expect(plan[0]!.runAt.toISOString()).toBe('2026-03-16T00:30:00.000Z');
    const scheduler = createTestScheduler(h, 'billing', closeDayJob, () => h.clock.now);
    for (const draft of plan) await scheduler.schedule(draft);
    expect(await scheduler.runDue()).toBe(1);
    for (const draft of closeDayJob.plan!(h.clock.now))
      expect(await scheduler.schedule(draft)).toBe(false);
    expect(await scheduler.runDue()).toBe(0);
    // On demand after the job: the same close.
    expect((await close('2026-03-15')).data!.closeBillingDay.closed).toBe(true);
    // The job for a day closed on demand first does nothing.
    expect((await close('2026-03-16')).errors).toBeUndefined();
    h.clock.now = new Date('2026-03-17T01:00:00Z');
    expect(await scheduler.runDue()).toBe(1);
    const closes = await h.events(DAY_CLOSED);
    expect(closes.filter((e) => e.subject === '2026-03-15')).toHaveLength(1);
    expect(closes.filter((e) => e.subject === '2026-03-16')).toHaveLength(1);
    expect(ledgerSums((await h.ledger()).postings).get('GBP')).toBe(0);
  });
});
