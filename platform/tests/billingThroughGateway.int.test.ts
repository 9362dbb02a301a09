import { DateTime } from 'luxon';
import { OutboxEntry } from '../../messaging';
import { isPublicHoliday } from '../../runtime';
import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import { agreementInput, daysAround, createAgreement } from '../../test-support/seedOrganisation';
import { rateCardInput } from '../../test-support/rateCardInput';
import { waitFor } from '../../test-support/waitFor';

const zone = 'Europe/London';

const RATE_CARDS = `query ($grade: String) {
  rateCards(grade: $grade) { grade effectiveFrom baseHourlyRate { amountMinor currency } } }`;
const DAY_CLOSE = `query ($date: Date!) {
  billingDayClose(date: $date) { date closedAt transactionCount } }`;

interface Line {
  id: string;
  kind: string;
  amount: { amountMinor: number; currency: string };
  sourceEventId: string | null;
}

// Billing end to end: it learns people from employees and time from time over NATS,
// FINANCE sets a grade's rate card, a shift recorded through the gateway is costed into
// the double-entry ledger, an amendment reverses and re-posts, the day closes once, and
// the cost is visible to the employee and their manager but not to anyone else. Rate
// cards take effect today at the earliest, so the work is today's.
describe('billing through the gateway', () => {
  const tp = platformSuite();
  const hr = { role: 'HR' as const, sub: 'service:hr' };
  const finance = { role: 'FINANCE' as const, sub: 'service:finance' };
  const asEmployee = (id: string) => ({ role: 'EMPLOYEE' as const, sub: id });
  const grade = 'BAND_6';
  const department = 'Critical Care';
  const today = DateTime.now().setZone(zone).startOf('day');
  const date = today.toISODate()!;
  const at = (hour: number, minute = 0) => today.set({ hour, minute }).toISO()!;
  /** 18.75 an hour, in pence; daytime work only, so no night premium applies. */
  const rate = 1875;
  const holiday = isPublicHoliday('ENGLAND_AND_WALES', date) ? 2 : 1;
  const costOf = (hours: number) => Math.round(hours * rate * holiday);
  const card = (amountMinor: number, currency?: string) =>
    rateCardInput(grade, date, amountMinor, currency);

  const manager = hireBeforeAll(tp, 'Maya', 'Okafor', { grade: 'BAND_7', department });
  const nurse = hireBeforeAll(tp, 'Aisha', 'Khan', () => ({
    grade,
    department,
    managerId: manager.id,
  }));
  const outsider = hireBeforeAll(tp, 'Owen', 'Hughes', { grade, department: 'Radiology' });

  beforeAll(async () => {
    // Agreements learns of the employee by event.
    await createAgreement(tp, agreementInput(nurse.id, ...daysAround(today, 30, 300)));
  });

  const cost = (id: string, caller: { role: 'EMPLOYEE' | 'MANAGER' | 'FINANCE'; sub: string }) =>
    tp.graphql(op('EmployeeCost'), { id, from: date, to: date }, caller);
  const financeCost = async (id: string) => {
    const result = await cost(id, finance);
    expect(result.errors).toBeUndefined();
    return result.data!.employee.cost as { amountMinor: number; currency: string };
  };
  const accounts = async () => {
    const result = await tp.graphql(op('BillingAccounts'), {}, finance);
    expect(result.errors).toBeUndefined();
    return result.data!.billingAccounts.nodes as {
      id: string;
      name: string;
      kind: string;
      balance: { amountMinor: number };
    }[];
  };
  const statement = async (id: string) => {
    const result = await tp.graphql(op('AccountStatement'), { id, from: date, to: date }, finance);
    expect(result.errors).toBeUndefined();
    return result.data!.billingAccount.statement as {
      openingBalance: { amountMinor: number };
      closingBalance: { amountMinor: number };
      transactions: Line[];
    };
  };
  const trialBalance = async () => {
    const result = await tp.graphql(op('TrialBalance'), { on: date }, finance);
    expect(result.errors).toBeUndefined();
    return result.data!.trialBalance as { balanced: boolean; total: { amountMinor: number } };
  };

  it('refuses a bad rate card with BAD_USER_INPUT and stores nothing', async () => {
    // Billing must know the grade first, or a good card is refused for that reason. It
    // opens an employee's payroll account in the transaction that records their grade.
    await waitFor(async () => {
      const liabilities = (await accounts()).filter((a) => a.kind === 'PAYROLL_LIABILITY');
      return liabilities.length >= 3 ? true : undefined;
    });
    const negative = await tp.graphql(op('SetRateCard'), { input: card(-100) }, finance);
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.data?.setRateCard ?? null).toBeNull();
    const currency = await tp.graphql(op('SetRateCard'), { input: card(rate, 'XYZ') }, finance);
    expect(currency.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cards = await tp.graphql(RATE_CARDS, { grade }, finance);
    expect(cards.errors).toBeUndefined();
    expect(cards.data!.rateCards).toEqual([]);
  });

  it('costs a recorded shift at hours × rate, reverses and re-posts an amendment, and balances', async () => {
    const set = await tp.graphql(op('SetRateCard'), { input: card(rate) }, finance);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setRateCard).toEqual(card(rate));

    const self = asEmployee(nurse.id);
    const input = {
      employeeId: nurse.id,
      periodType: 'SHIFT',
      startTime: at(9),
      endTime: at(13),
      mealBreakMinutes: 0,
    };
    // Time learns of the employee by event.
    const entry = await waitFor(async () => {
      const result = await tp.graphql(op('RecordTimeEntry'), { input }, self);
      return result.errors ? undefined : result.data!.recordTimeEntry;
    });
    const four = costOf(4);
    await waitFor(async () => ((await financeCost(nurse.id)).amountMinor ? true : undefined));
    expect(await financeCost(nurse.id)).toEqual({ amountMinor: four, currency: 'GBP' });

    const centre = (await accounts()).find(
      (a) => a.kind === 'COST_CENTRE' && a.name.includes(department),
    )!;
    const liability = (await accounts()).find(
      (a) => a.kind === 'PAYROLL_LIABILITY' && a.name.includes(nurse.employeeNumber),
    )!;
    expect(centre.balance.amountMinor).toBe(four);
    expect(liability.balance.amountMinor).toBe(-four);
    expect(await trialBalance()).toEqual({
      balanced: true,
      total: { amountMinor: four, currency: 'GBP' },
    });

    // 09:00-14:30 with a 30-minute meal break: five paid hours.
    const amended = await tp.graphql(
      op('AmendTimeEntry'),
      { input: { id: entry.id, expectedVersion: 1, endTime: at(14, 30), mealBreakMinutes: 30 } },
      self,
    );
    expect(amended.errors).toBeUndefined();
    const five = costOf(5);
    await waitFor(async () =>
      (await financeCost(nurse.id)).amountMinor === five ? true : undefined,
    );

    const lines = (await statement(centre.id)).transactions;
    expect(lines.map((l) => [l.kind, l.amount.amountMinor])).toEqual([
      ['COST', four],
      ['REVERSAL', -four],
      ['COST', five],
    ]);
    // Each posting names the time event that caused it; the reversal and the new cost
    // come from the amendment.
    expect(lines[1]!.sourceEventId).toBe(lines[2]!.sourceEventId);
    expect(lines[0]!.sourceEventId).not.toBe(lines[1]!.sourceEventId);
    const centreStatement = await statement(centre.id);
    expect(centreStatement.openingBalance.amountMinor).toBe(0);
    expect(centreStatement.closingBalance.amountMinor).toBe(five);
    expect((await statement(liability.id)).closingBalance.amountMinor).toBe(-five);
    expect(await trialBalance()).toEqual({
      balanced: true,
      total: { amountMinor: five, currency: 'GBP' },
    });
  });

  it('closes the day once: a second close changes nothing', async () => {
    const first = await tp.graphql(op('CloseBillingDay'), { input: { date } }, finance);
    expect(first.errors).toBeUndefined();
    expect(first.data!.closeBillingDay).toEqual({ date, closed: true, transactionCount: 3 });
    const closed = await tp.graphql(DAY_CLOSE, { date }, finance);

    const second = await tp.graphql(op('CloseBillingDay'), { input: { date } }, finance);
    expect(second.errors).toBeUndefined();
    expect(second.data!.closeBillingDay).toEqual(first.data!.closeBillingDay);
    expect((await tp.graphql(DAY_CLOSE, { date }, finance)).data).toEqual(closed.data);
    const events = await tp.platform.runtimes
      .billing!.orm.em.fork()
      .find(OutboxEntry, { type: 'billing.day.closed' });
    expect(events.filter((e) => JSON.parse(e.payload).subject === date)).toHaveLength(1);

    const refused = await tp.graphql(op('CloseBillingDay'), { input: { date } }, hr);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await trialBalance()).balanced).toBe(true);
  });

  it('shows the cost to the employee and their manager, and to nobody else', async () => {
    const five = { amountMinor: costOf(5), currency: 'GBP' };
    const own = await cost(nurse.id, asEmployee(nurse.id));
    expect(own.errors).toBeUndefined();
    expect(own.data!.employee.cost).toEqual(five);

    const report = await cost(nurse.id, { role: 'MANAGER', sub: manager.id });
    expect(report.errors).toBeUndefined();
    expect(report.data!.employee.cost).toEqual(five);

    const others = await cost(nurse.id, asEmployee(outsider.id));
    // Billing refuses the field; employees still answers the rest of the person.
    expect(others.errors?.[0]).toMatchObject({
      path: ['employee', 'cost'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(others.data?.employee?.cost ?? null).toBeNull();
    const notTheirs = await cost(nurse.id, { role: 'MANAGER', sub: outsider.id });
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(notTheirs.data?.employee?.cost ?? null).toBeNull();
  });
});
