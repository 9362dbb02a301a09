import { loadCatalogue } from '../../../messaging';
import { contractOperation } from '../../../test-support/contractOperation';
import { cardInput, finance, startBilling } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('billing: bad input is a BAD_USER_INPUT naming the field', () => {
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));
  let employeeId: string;
  beforeAll(async () => {
    employeeId = await h.hire({ grade: 'G1' });
  });

  const good = cardInput({ grade: 'G1', effectiveFrom: '2026-03-05', rate: 2000 });
  const setCard = (input: Record<string, unknown>) =>
    h.op('SetRateCard', { input: { ...good, ...input } }, finance);

  const rate = (amountMinor: number, currency: string) => ({
    baseHourlyRate: { amountMinor, currency },
  });

  it.each([
    ['negative rate', rate(-1, 'GBP'), 'baseHourlyRate.amountMinor'],
    ['unknown currency', rate(100, 'XYZ'), 'baseHourlyRate.currency'],
    ['lower-case currency', rate(100, 'gbp'), 'baseHourlyRate.currency'],
    ['unknown grade', { grade: 'NOPE' }, 'grade'],
    ['not a date', { effectiveFrom: '2026-02-30' }, 'effectiveFrom'],
    ['multiplier below 1', { overtimeMultiplier: 0.5 }, 'overtimeMultiplier'],
    ['multiplier with five decimals', { nightMultiplier: 1.00001 }, 'nightMultiplier'],
    ['negative multiplier', { publicHolidayMultiplier: -2 }, 'publicHolidayMultiplier'],
  ])('setRateCard: %s', async (_name, input, field) => {
    const reply = await setCard(input);
    expect(reply.errors).toHaveLength(1);
    expect(reply.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(reply.errors![0]!.message).toMatch(new RegExp(field.split('.')[0]!));
  });

  it('sets a good card, once per idempotency key, and today is allowed', async () => {
    const first = await setCard({ effectiveFrom: '2026-03-02', idempotencyKey: 'k1' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.setRateCard).toEqual({
      grade: 'G1',
      effectiveFrom: '2026-03-02',
      baseHourlyRate: { amountMinor: 2000, currency: 'GBP' },
      overtimeMultiplier: 1.5,
      nightMultiplier: 1.25,
      publicHolidayMultiplier: 2,
    });
    await setCard({ effectiveFrom: '2026-03-02', idempotencyKey: 'k1' });
    const cards = await h.gql('{ rateCards(grade: "G1") { id effectiveFrom } }', {}, finance);
    expect(cards.data!.rateCards).toHaveLength(1);
    const events = await h.events('billing.rate_card.set');
    expect(events).toHaveLength(1);
    expect(() => loadCatalogue().validate(events[0])).not.toThrow();
    expect(events[0]!.data).toMatchObject({ grade: 'G1', effectiveFrom: '2026-03-02', version: 1 });
  });

  it.each([
    ['to before from', { from: '2026-03-10', to: '2026-03-09' }, 'to'],
    ['bad from', { from: '2026-13-01', to: '2026-03-09' }, 'from'],
    ['period too long', { from: '2025-01-01', to: '2026-03-09' }, 'to'],
  ])('statement and cost: %s', async (_name, period, field) => {
    const accounts = await h.op('BillingAccounts', {}, finance);
    const id = accounts.data!.billingAccounts.nodes[0].id;
    const statement = await h.op('AccountStatement', { id, ...period }, finance);
    expect(statement.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const cost = await h.entities(
      [{ __typename: 'Employee', id: employeeId }],
      '... on Employee { cost(from: $from, to: $to) { amountMinor } }',
      period,
      '$from: Date!, $to: Date!',
      finance,
    );
    expect(cost.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('trialBalance, closeBillingDay and billingAccounts check their arguments', async () => {
    const trial = await h.op('TrialBalance', { on: 'yesterday' }, finance);
    expect(trial.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    const currency = await h.gql(
      '{ trialBalance(on: "2026-03-01", currency: "ABC") { balanced } }',
      {},
      finance,
    );
    expect(currency.errors![0]!.extensions).toMatchObject({ field: 'currency' });
    const close = await h.op('CloseBillingDay', { input: { date: '2026-02-31' } }, finance);
    expect(close.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const page = await h.gql('{ billingAccounts(first: 1000) { totalCount } }', {}, finance);
    expect(page.errors![0]!.extensions).toMatchObject({ field: 'first' });
    const cursor = await h.gql('{ billingAccounts(after: "junk") { totalCount } }', {}, finance);
    expect(cursor.errors![0]!.extensions).toMatchObject({ field: 'after' });
    const missing = await h.op(
      'AccountStatement',
      { id: 'nope', from: '2026-03-01', to: '2026-03-02' },
      finance,
    );
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(contractOperation('SetRateCard')).toContain('setRateCard');
  });
});
