import { v7 as uuidv7 } from 'uuid';
import { contractOperation } from '../../../test-support/contractOperation';
import { entryEvent, finance, managerAssigned, startBilling } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { hireLine } from '../../../test-support/hireLine';

const COST = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Employee { id cost(from: "2026-03-01", to: "2026-03-31") { amountMinor currency } } } }`;

describe('billing: who sees what', () => {
  const h = suiteHarness(() => startBilling('2026-03-02T12:00:00Z'));
  let boss: string;
  let manager: string;
  let report: string;
  let stranger: string;
  beforeAll(async () => {
    [boss, manager, report] = await hireLine(h);
    stranger = await h.hire();
    await h.setCard({ grade: 'G1', effectiveFrom: '2026-03-03', rate: 1000 });
    for (const employeeId of [report, stranger])
      await h.apply(
        entryEvent('recorded', {
          entryId: uuidv7(),
          employeeId,
          version: 1,
          startTime: '2026-03-05T09:00:00Z',
          endTime: '2026-03-05T10:00:00Z',
        }),
      );
  });

  const costAs = async (employeeId: string, role: 'EMPLOYEE' | 'MANAGER', sub: string) => {
    const reply = await h.gql(
      COST,
      { reps: [{ __typename: 'Employee', id: employeeId }] },
      {
        role,
        sub,
      },
    );
    return reply;
  };

  it('FINANCE reads the ledger, statements and every cost', async () => {
    for (const name of ['BillingAccounts'])
      expect((await h.op(name, {}, finance)).errors).toBeUndefined();
    expect((await h.op('TrialBalance', { on: '2026-03-31' }, finance)).errors).toBeUndefined();
    const reply = await h.gql(COST, { reps: [{ __typename: 'Employee', id: stranger }] }, finance);
    expect(reply.data!._entities[0].cost).toEqual({ amountMinor: 1000, currency: 'GBP' });
  });

  it('an EMPLOYEE sees only their own cost, and no ledger', async () => {
    expect((await costAs(report, 'EMPLOYEE', report)).data!._entities[0].cost.amountMinor).toBe(
      1000,
    );
    const other = await costAs(stranger, 'EMPLOYEE', report);
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(other.data!._entities[0].cost).toBeNull();
    for (const [name, vars] of [
      ['BillingAccounts', {}],
      ['TrialBalance', { on: '2026-03-31' }],
      ['CloseBillingDay', { input: { date: '2026-03-01' } }],
    ] as const) {
      const reply = await h.op(name, vars, { role: 'EMPLOYEE', sub: report });
      expect(reply.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const card = await h.gql(
      contractOperation('SetRateCard'),
      {
        input: {
          grade: 'G1',
          effectiveFrom: '2026-04-01',
          baseHourlyRate: { amountMinor: 1, currency: 'GBP' },
          overtimeMultiplier: 1,
          nightMultiplier: 1,
          publicHolidayMultiplier: 1,
        },
      },
      { role: 'MANAGER', sub: manager },
    );
    expect(card.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it("a MANAGER sees their direct and indirect reports' cost; others are FORBIDDEN", async () => {
    expect((await costAs(report, 'MANAGER', manager)).errors).toBeUndefined();
    expect((await costAs(report, 'MANAGER', boss)).errors).toBeUndefined();
    const other = await costAs(stranger, 'MANAGER', manager);
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // Their own manager's cost is not theirs to see.
    expect((await costAs(boss, 'MANAGER', manager)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('follows a manager change (newest version wins, in any order)', async () => {
    await h.apply(managerAssigned(stranger, manager, 3));
    await h.apply(managerAssigned(stranger, boss, 2));
    expect((await costAs(stranger, 'MANAGER', manager)).errors).toBeUndefined();
  });

  it('runs the EmployeeCost contract operation against the Employee entity', async () => {
    const document = contractOperation('EmployeeCost');
    expect(document).toContain('cost(from: $from, to: $to)');
    const reply = await h.entities(
      [{ __typename: 'Employee', id: report }],
      '... on Employee { cost(from: $from, to: $to) { amountMinor currency } }',
      { from: '2026-03-05', to: '2026-03-05' },
      '$from: Date!, $to: Date!',
      { role: 'EMPLOYEE', sub: report },
    );
    expect(reply.data!._entities[0].cost).toEqual({ amountMinor: 1000, currency: 'GBP' });
  });
});
