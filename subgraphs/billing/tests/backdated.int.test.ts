import { v7 as uuidv7 } from 'uuid';
import { loadCatalogue } from '../../../messaging';
import { costEntry, RateBook } from '../src';
import {
  cardInput,
  costOf,
  employeeCreated,
  entryEvent,
  finance,
  ledgerSums,
  rateCardRow,
  startBilling,
  type CardFields,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const SET = `mutation ($input: SetRateCardInput!) {
  setRateCard(input: $input) { id kind correctionReason reversedTransactions postedTransactions
    costedWaitingEntries } }`;
const UNCOSTED = `query ($filter: UncostedEntryFilter, $after: String) {
  uncostedEntries(first: 1, after: $after, filter: $filter) {
    nodes { entryId employeeId employee { id } periodType reason message grade
      days { workDate reason message grade } }
    pageInfo { endCursor hasNextPage } totalCount } }`;

interface Uncosted {
  entryId: string;
  employeeId: string;
  reason: string;
  message: string;
  grade: string | null;
  days: { workDate: string; reason: string; message: string }[];
}

describe('billing: cards from a past day, corrections and uncosted entries', () => {
  const h = suiteHarness(() => startBilling('2026-03-20T12:00:00Z'));

  /** Every uncosted entry matching the filter, a page of one at a time. */
  const uncosted = async (filter: Record<string, unknown>): Promise<Uncosted[]> => {
    const all: Uncosted[] = [];
    let after: string | null = null;
    for (;;) {
      const reply = await h.gql(UNCOSTED, { filter, after }, finance);
      expect(reply.errors).toBeUndefined();
      const page = reply.data!.uncostedEntries;
      all.push(...page.nodes);
      expect(page.totalCount).toBeGreaterThanOrEqual(all.length);
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
  };
  const setCard = (card: CardFields, extra: Record<string, unknown> = {}) =>
    h.gql(SET, { input: { ...cardInput(card), ...extra } }, finance);
  const shift = (employeeId: string, day: string, hours = 8) => {
    const entryId = uuidv7();
    const end = String(9 + hours).padStart(2, '0');
    return {
      entryId,
      event: entryEvent('recorded', {
        entryId,
        employeeId,
        version: 1,
        startTime: `${day}T09:00:00Z`,
        endTime: `${day}T${end}:00:00Z`,
      }),
    };
  };
  const entryTxs = async (entryIds: string[]) =>
    (await h.ledger()).transactions.filter((t) => entryIds.includes(t.entry_id));

  it('lists an entry with no rate, with its reason, until a card covers it; an unknown employee too', async () => {
    const employeeId = await h.hire({ grade: 'W1', department: 'Ops' });
    const first = shift(employeeId, '2026-03-05');
    await h.apply(first.event);
    const [row] = await uncosted({ employeeId });
    expect(row).toMatchObject({
      entryId: first.entryId,
      employeeId,
      reason: 'NO_RATE_CARD',
      grade: 'W1',
      days: [{ workDate: '2026-03-05', reason: 'NO_RATE_CARD' }],
    });
    expect(row!.message).toMatch(/Grade W1 has no rate card/);
    // Not costed at 0: no transaction at all, and the cost reads 0.
    expect(await entryTxs([first.entryId])).toEqual([]);

    // A card from a later day leaves it waiting, and says where cards begin.
    expect((await setCard({ grade: 'W1', effectiveFrom: '2026-03-10', rate: 1000 })).errors).toBe(
      undefined,
    );
    const [still] = await uncosted({ employeeId });
    expect(still!.message).toMatch(/first card takes effect on 2026-03-10/);

    const stranger = uuidv7();
    const orphan = shift(stranger, '2026-03-06', 2);
    await h.apply(orphan.event);
    const [unknown] = await uncosted({ employeeId: stranger, reason: 'EMPLOYEE_UNKNOWN' });
    expect(unknown).toMatchObject({ entryId: orphan.entryId, reason: 'EMPLOYEE_UNKNOWN' });
    await h.apply(employeeCreated(stranger, { grade: 'W1', department: 'Ops' }));
    // Known now, but W1 has no card on 6 March yet.
    expect(await uncosted({ employeeId: stranger })).toMatchObject([{ reason: 'NO_RATE_CARD' }]);
    const reasons = (await uncosted({ grade: 'W1' })).map((u) => u.entryId).sort();
    expect(reasons).toEqual([first.entryId, orphan.entryId].sort());
  });

  it('a card from a past day with nothing costed since is BACKDATED and costs the waiting entries', async () => {
    const waiting = await uncosted({ grade: 'W1' });
    expect(waiting).toHaveLength(2);
    const reply = await setCard({ grade: 'W1', effectiveFrom: '2026-03-01', rate: 1500 });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.setRateCard).toMatchObject({
      kind: 'BACKDATED',
      correctionReason: null,
      reversedTransactions: 0,
      postedTransactions: 2,
      costedWaitingEntries: 2,
    });
    expect(await uncosted({ grade: 'W1' })).toEqual([]);
    const txs = await entryTxs(waiting.map((w) => w.entryId));
    expect(txs.map((t) => t.kind)).toEqual(['COST', 'COST']);
    // 8 h and 2 h at £15.00, costed in the transaction that set the card.
    for (const [entry, hours] of [
      [waiting.find((w) => w.days[0]!.workDate === '2026-03-05')!, 8],
      [waiting.find((w) => w.days[0]!.workDate === '2026-03-06')!, 2],
    ] as const)
      expect(await costOf(h, entry.employeeId, '2026-03-01', '2026-03-31')).toEqual({
        amountMinor: hours * 1500,
        currency: 'GBP',
      });
    const { postings } = await h.ledger();
    expect(ledgerSums(postings).get('GBP')).toBe(0);
    const [event] = (await h.events('billing.rate_card.set')).filter(
      (e) => e.data.grade === 'W1' && e.data.effectiveFrom === '2026-03-01',
    );
    expect(event!.data).toMatchObject({ kind: 'BACKDATED', costedWaitingEntries: 2, version: 1 });
    expect(() => loadCatalogue().validate(event)).not.toThrow();
  });

  it('a card from a past day over costed work is a CORRECTION: old cost reversed, new cost posted', async () => {
    const employeeId = await h.hire({ grade: 'C1', department: 'Care' });
    await setCard({ grade: 'C1', effectiveFrom: '2026-03-01', rate: 2000 });
    const before = shift(employeeId, '2026-03-03');
    const after = [shift(employeeId, '2026-03-09'), shift(employeeId, '2026-03-12', 4)];
    for (const { event } of [before, ...after]) await h.apply(event);
    // Close 10 March: the adjustment of work on 9 March is booked on 11 March, late.
    expect(
      (await h.op('CloseBillingDay', { input: { date: '2026-03-10' } }, finance)).errors,
    ).toBeUndefined();
    expect((await costOf(h, employeeId, '2026-03-01', '2026-03-31')).amountMinor).toBe(
      (8 + 8 + 4) * 2000,
    );
    const correction: CardFields = { grade: 'C1', effectiveFrom: '2026-03-08', rate: 2250 };

    const refused = await setCard(correction);
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'correctionReason',
      reason: 'CORRECTION_REASON_REQUIRED',
    });
    expect(refused.errors![0]!.message).toMatch(/2 cost\(s\) of grade C1 on or after 2026-03-08/);
    const ledgerBefore = await h.ledger();

    const reply = await setCard(correction, { correctionReason: 'Pay award agreed late' });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.setRateCard).toMatchObject({
      kind: 'CORRECTION',
      correctionReason: 'Pay award agreed late',
      reversedTransactions: 2,
      postedTransactions: 2,
      costedWaitingEntries: 0,
    });

    const { transactions, postings } = await h.ledger();
    // Nothing booked was edited: every earlier row is still there, unchanged.
    expect(transactions).toEqual(expect.arrayContaining(ledgerBefore.transactions));
    const added = transactions.filter(
      (t) => !ledgerBefore.transactions.some((old) => old.id === t.id),
    );
    const costs = ledgerBefore.transactions.filter((t) => t.kind === 'COST');
    const afterIds = after.map((a) => a.entryId);
    expect(added.map((t) => [t.kind, t.entry_id, t.work_date]).sort()).toEqual(
      [
        ['COST', afterIds[0], '2026-03-09'],
        ['COST', afterIds[1], '2026-03-12'],
        ['REVERSAL', afterIds[0], '2026-03-09'],
        ['REVERSAL', afterIds[1], '2026-03-12'],
      ].sort(),
    );
    for (const reversal of added.filter((t) => t.kind === 'REVERSAL')) {
      const original = costs.find((c) => c.id === reversal.reverses_id)!;
      expect(original.entry_id).toBe(reversal.entry_id);
      const sum = (id: string) =>
        postings
          .filter((p) => p.transaction_id === id)
          .reduce((s, p) => s + Math.abs(Number(p.amount_minor)), 0);
      expect(sum(reversal.id)).toBe(sum(original.id));
    }
    // Work before the card's day keeps its cost; 9 March (closed) is adjusted on 11 March.
    expect(added.some((t) => t.entry_id === before.entryId)).toBe(false);
    expect(added.filter((t) => t.work_date === '2026-03-09').map((t) => t.booking_date)).toEqual([
      '2026-03-11',
      '2026-03-11',
    ]);
    for (const t of added) expect(Number(t.late) === 1).toBe(t.work_date === '2026-03-09');
    for (const id of new Set(postings.map((p) => p.transaction_id))) {
      const lines = postings.filter((p) => p.transaction_id === id);
      expect(lines.reduce((s, p) => s + Number(p.amount_minor), 0)).toBe(0);
    }
    expect(ledgerSums(postings).get('GBP')).toBe(0);

    // The employee's cost equals a fresh costing of the entries at the cards now in force.
    const book = new RateBook([
      rateCardRow('1', { grade: 'C1', effectiveFrom: '2026-03-01', rate: 2000 }),
      rateCardRow('2', correction),
    ]);
    const employee = {
      timeZone: 'Europe/London',
      location: 'ENGLAND_AND_WALES',
      grades: [{ from: '0001-01-01', version: 1, value: 'C1' }],
      departments: [{ from: '0001-01-01', version: 1, value: 'Care' }],
    };
    const fresh = [before, ...after]
      .flatMap(({ event }) =>
        costEntry(
          {
            periodType: 'SHIFT',
            startTime: new Date(event.data.startTime as string),
            endTime: new Date(event.data.endTime as string),
            mealBreakMinutes: 0,
          },
          employee,
          book,
        ),
      )
      .reduce((s, c) => s + c.amountMinor, 0);
    expect(fresh).toBe(8 * 2000 + 12 * 2250);
    expect((await costOf(h, employeeId, '2026-03-01', '2026-03-31')).amountMinor).toBe(fresh);
    const trial = await h.op('TrialBalance', { on: '2026-12-31' }, finance);
    expect(trial.data!.trialBalance.balanced).toBe(true);
  });

  it('a card from today on stays SCHEDULED, and rateCards tells each card how it came in', async () => {
    const reply = await setCard({ grade: 'C1', effectiveFrom: '2026-03-20', rate: 2300 });
    expect(reply.data!.setRateCard.kind).toBe('SCHEDULED');
    const cards = await h.gql(
      `{ rateCards(grade: "C1") { effectiveFrom kind correctionReason } }`,
      {},
      finance,
    );
    expect(cards.data!.rateCards).toEqual([
      { effectiveFrom: '2026-03-01', kind: 'BACKDATED', correctionReason: null },
      {
        effectiveFrom: '2026-03-08',
        kind: 'CORRECTION',
        correctionReason: 'Pay award agreed late',
      },
      { effectiveFrom: '2026-03-20', kind: 'SCHEDULED', correctionReason: null },
    ]);
  });
});
