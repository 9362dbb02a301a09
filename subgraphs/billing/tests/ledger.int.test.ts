import { v7 as uuidv7 } from 'uuid';
import { applyEvent } from '../src';
import {
  costOf,
  employeeCreated,
  entryEvent,
  finance,
  ledgerSums,
  expectRefused,
  rawDb,
  startBilling,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('billing: costing time entries into the ledger', () => {
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));
  let employeeId: string;
  beforeAll(async () => {
    employeeId = await h.hire({ grade: 'G1', department: 'Engineering' });
    // £20.00 an hour from 3 March; 1.5 overtime, 1.25 night, 2 public holiday.
    await h.setCard({ grade: 'G1', effectiveFrom: '2026-03-03', rate: 2000 });
  });

  const entryTxs = async (entryId: string) =>
    (await h.ledger()).transactions.filter((t) => t.entry_id === entryId);

  /** A time entry's first version, recorded from `startTime` to `endTime`. */
  const recorded = (
    entryId: string,
    employee: string,
    startTime: string,
    endTime: string,
    mealBreakMinutes?: number,
  ) =>
    entryEvent('recorded', {
      entryId,
      employeeId: employee,
      version: 1,
      startTime,
      endTime,
      mealBreakMinutes,
    });

  it('costs a recorded shift: debit the cost centre, credit the liability', async () => {
    const entryId = uuidv7();
    const event = recorded(entryId, employeeId, '2026-03-10T09:00:00Z', '2026-03-10T17:00:00Z', 30);
    await h.apply(event);
    // 7.5 hours at £20.00 = £150.00
    expect(await costOf(h, employeeId, '2026-03-10', '2026-03-10')).toEqual({
      amountMinor: 15000,
      currency: 'GBP',
    });
    const { transactions, postings } = await h.ledger();
    const [tx] = transactions.filter((t) => t.entry_id === entryId);
    expect(tx).toMatchObject({ kind: 'COST', work_date: '2026-03-10', source_event_id: event.id });
    const lines = postings.filter((p) => p.transaction_id === tx!.id);
    expect(lines.map((p) => Number(p.amount_minor)).sort((a, b) => a - b)).toEqual([-15000, 15000]);
    expect(ledgerSums(postings).get('GBP')).toBe(0);
  });

  it('amending posts a reversal and a new cost; deleting posts a reversal; nothing is edited', async () => {
    const entryId = uuidv7();
    const base = { entryId, employeeId, startTime: '2026-03-11T09:00:00Z' };
    await h.apply(entryEvent('recorded', { ...base, version: 1, endTime: '2026-03-11T13:00:00Z' }));
    const before = await entryTxs(entryId);
    await h.apply(entryEvent('amended', { ...base, version: 2, endTime: '2026-03-11T15:00:00Z' }));
    expect(await costOf(h, employeeId, '2026-03-11', '2026-03-11')).toMatchObject({
      amountMinor: 12000,
    });
    const afterAmend = await entryTxs(entryId);
    expect(afterAmend.map((t) => t.kind).sort()).toEqual(['COST', 'COST', 'REVERSAL']);
    // The first cost is still there, unchanged; the reversal names it.
    expect(afterAmend).toEqual(expect.arrayContaining(before));
    expect(afterAmend.find((t) => t.kind === 'REVERSAL')!.reverses_id).toBe(before[0]!.id);

    await h.apply(entryEvent('deleted', { ...base, version: 3, endTime: '2026-03-11T15:00:00Z' }));
    expect(await costOf(h, employeeId, '2026-03-11', '2026-03-11')).toMatchObject({
      amountMinor: 0,
    });
    expect((await entryTxs(entryId)).map((t) => t.kind).sort()).toEqual([
      'COST',
      'COST',
      'REVERSAL',
      'REVERSAL',
    ]);
    expect(ledgerSums((await h.ledger()).postings).get('GBP')).toBe(0);
  });

  it('the same event twice, or an older version after a newer, changes nothing', async () => {
    const entryId = uuidv7();
    const base = { entryId, employeeId, startTime: '2026-03-12T09:00:00Z' };
    const recorded = entryEvent('recorded', {
      ...base,
      version: 1,
      endTime: '2026-03-12T10:00:00Z',
    });
    const amended = entryEvent('amended', { ...base, version: 2, endTime: '2026-03-12T11:00:00Z' });
    await h.apply(amended);
    await h.apply(amended);
    await h.apply(recorded);
    expect(await entryTxs(entryId)).toHaveLength(1);
    expect(await costOf(h, employeeId, '2026-03-12', '2026-03-12')).toMatchObject({
      amountMinor: 4000,
    });
  });

  it('the same event in two transactions at once posts one transaction', async () => {
    const entryId = uuidv7();
    const event = recorded(entryId, employeeId, '2026-03-13T09:00:00Z', '2026-03-13T10:00:00Z');
    // Two entity managers, two transactions, in parallel (as two replicas would).
    const results = await Promise.allSettled([
      h.transaction((em) => applyEvent(em as never, event)),
      h.transaction((em) => applyEvent(em as never, event)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await entryTxs(entryId)).toHaveLength(1);
    expect(await costOf(h, employeeId, '2026-03-13', '2026-03-13')).toMatchObject({
      amountMinor: 2000,
    });
  });

  it('an entry for an employee not known yet is costed when the employee arrives', async () => {
    const late = uuidv7();
    const entryId = uuidv7();
    await h.apply(recorded(entryId, late, '2026-03-16T09:00:00Z', '2026-03-16T11:00:00Z'));
    expect(await entryTxs(entryId)).toHaveLength(0);
    await h.apply(employeeCreated(late, { grade: 'G1', department: 'Sales' }));
    expect(await costOf(h, late, '2026-03-16', '2026-03-16')).toMatchObject({ amountMinor: 4000 });
  });

  it('a new rate card re-costs only work on or after its day, with a reversal and a new cost', async () => {
    const other = await h.hire({ grade: 'G2', department: 'Sales' });
    const early = uuidv7();
    const later = uuidv7();
    await h.setCard({ grade: 'G2', effectiveFrom: '2026-03-03', rate: 1000 });
    for (const [entryId, day] of [
      [early, '2026-03-17'],
      [later, '2026-03-24'],
    ] as const)
      await h.apply(recorded(entryId, other, `${day}T09:00:00Z`, `${day}T10:00:00Z`));
    await h.setCard({ grade: 'G2', effectiveFrom: '2026-03-20', rate: 1100 });
    expect(await costOf(h, other, '2026-03-17', '2026-03-17')).toMatchObject({ amountMinor: 1000 });
    expect(await costOf(h, other, '2026-03-24', '2026-03-24')).toMatchObject({ amountMinor: 1100 });
    expect(await entryTxs(early)).toHaveLength(1);
    expect((await entryTxs(later)).map((t) => t.kind).sort()).toEqual(['COST', 'COST', 'REVERSAL']);
  });

  it('the database refuses an unbalanced transaction, and any UPDATE or DELETE of the ledger', async () => {
    const raw = await rawDb(h);
    try {
      const txId = uuidv7();
      const posting = `insert into billing_postings (id, transaction_id, account_id, amount_minor, currency, booking_date)
        values (?, ?, ?, ?, 'GBP', '2026-04-01')`;
      const header = `insert into billing_transactions (id, kind, entry_id, employee_id, work_date, booking_date, late,
          occurred_at, cause, recorded_at) values (?, 'COST', ?, ?, '2026-04-01', '2026-04-01', ?, ?, 'test', ?)`;
      await expectRefused(
        raw.inTransaction([
          [posting, [uuidv7(), txId, uuidv7(), 100]],
          [posting, [uuidv7(), txId, uuidv7(), -99]],
          [header, [txId, uuidv7(), uuidv7(), false, new Date(), new Date()]],
        ]),
        /unbalanced/,
      );
      // A transaction without postings is refused too.
      await expectRefused(
        raw.inTransaction([
          [header, [uuidv7(), uuidv7(), uuidv7(), false, new Date(), new Date()]],
        ]),
        /unbalanced|fewer than two/,
      );
      await expectRefused(raw.run('update billing_postings set amount_minor = 0'), /append-only/);
      await expectRefused(raw.run('delete from billing_transactions'), /append-only/);
      await expectRefused(raw.run('delete from billing_rate_cards'), /append-only/);
    } finally {
      await raw.close();
    }
    expect(ledgerSums((await h.ledger()).postings).get('GBP')).toBe(0);
  });

  it('serves the contract: accounts, a statement with opening and closing, a balanced trial balance', async () => {
    const accounts = await h.op('BillingAccounts', {}, finance);
    expect(accounts.errors).toBeUndefined();
    const nodes = accounts.data!.billingAccounts.nodes as {
      id: string;
      name: string;
      kind: string;
      balance: { amountMinor: number };
    }[];
    const centre = nodes.find((a) => a.kind === 'COST_CENTRE' && a.name.includes('Engineering'))!;
    expect(centre.balance.amountMinor).toBeGreaterThan(0);
    const liabilitySum = nodes
      .filter((a) => a.kind === 'PAYROLL_LIABILITY')
      .reduce((s, a) => s + a.balance.amountMinor, 0);
    const centreSum = nodes
      .filter((a) => a.kind === 'COST_CENTRE')
      .reduce((s, a) => s + a.balance.amountMinor, 0);
    expect(centreSum + liabilitySum).toBe(0);

    const statement = await h.op(
      'AccountStatement',
      { id: centre.id, from: '2026-03-11', to: '2026-03-12' },
      finance,
    );
    expect(statement.errors).toBeUndefined();
    const s = statement.data!.billingAccount.statement;
    expect(s.openingBalance).toEqual({ amountMinor: 15000, currency: 'GBP' }); // 10 March
    const moved = s.transactions.reduce(
      (sum: number, t: { amount: { amountMinor: number } }) => sum + t.amount.amountMinor,
      0,
    );
    expect(s.closingBalance.amountMinor).toBe(15000 + moved);
    expect(s.transactions.map((t: { kind: string }) => t.kind)).toContain('REVERSAL');
    expect(s.transactions.every((t: { sourceEventId: string }) => !!t.sourceEventId)).toBe(true);

    const trial = await h.op('TrialBalance', { on: '2026-12-31' }, finance);
    expect(trial.data!.trialBalance).toEqual({
      balanced: true,
      total: { amountMinor: centreSum, currency: 'GBP' },
    });
  });

  it('pages accounts with a cursor', async () => {
    const q = `query ($after: String) { billingAccounts(first: 2, after: $after) {
      nodes { id } pageInfo { endCursor hasNextPage } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const reply = await h.gql(q, { after }, finance);
      const page = reply.data!.billingAccounts;
      total = page.totalCount;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(total);
  });
});
