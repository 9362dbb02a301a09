import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import { agreementInput, createAgreement } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

// The time-recording chain end to end: an employee (employees), their
// agreement (agreements), a shift (time), and the balances (accruals), each
// subgraph learning from the others' events over NATS, read through the gateway.
describe('accruals through the gateway', () => {
  const tp = platformSuite();
  const nurse = hireBeforeAll(tp, 'Grace', 'Night');
  const self = () => ({ role: 'EMPLOYEE' as const, sub: nurse.id });

  beforeAll(async () => {
    // Agreements hears of the new employee through an event: retry until it has.
    await createAgreement(
      tp,
      agreementInput(nurse.id, '2025-04-01', '2026-03-31', {
        targets: [
          { accrualType: 'ANNUAL_TARGET_HOURS', total: 1950 },
          { accrualType: 'NIGHT_HOURS', total: 200 },
        ],
      }),
    );
  });

  it('turns a recorded shift into balances, and says when the chain has reached them', async () => {
    const input = {
      employeeId: nurse.id,
      periodType: 'SHIFT',
      shiftType: 'Late',
      startTime: '2025-06-10T14:00:00+01:00',
      endTime: '2025-06-10T23:30:00+01:00',
      // Over six hours' work: the meal break is due (MINIMUM_BREAK).
      mealBreakMinutes: 30,
    };
    const recorded = await waitFor(async () => {
      const result = await tp.graphql(op('RecordTimeEntry'), { input }, self());
      return result.errors ? undefined : result.data!.recordTimeEntry;
    });
    const { correlationId } = recorded;

    await waitFor(async () => {
      const { data } = await tp.graphql(op('AccrualsConsistency'), { correlationId }, self());
      return data?.accrualsConsistency.reflected ? true : undefined;
    });

    const balances = await tp.graphql(
      op('AccrualBalances'),
      { id: nurse.id, on: '2025-06-10' },
      self(),
    );
    expect(balances.errors).toBeUndefined();
    const byType = Object.fromEntries(
      balances.data!.employee.accruals.map((a: { accrualType: string }) => [a.accrualType, a]),
    );
    expect(byType.ANNUAL_TARGET_HOURS).toMatchObject({
      measurementUnit: 'HOURS',
      target: 1950,
      worked: 9,
      remaining: 1941,
    });
    expect(byType.NIGHT_HOURS).toMatchObject({ worked: 0.5, remaining: 199.5 });
    expect(byType.ANNUAL_TARGET_HOURS.agreement).toMatchObject({
      startDate: '2025-04-01',
      endDate: '2026-03-31',
    });

    const days = await tp.graphql(
      op('AccrualDays'),
      { id: nurse.id, type: 'NIGHT_HOURS', from: '2025-06-10', to: '2025-06-11' },
      self(),
    );
    expect(days.data!.employee.accrualDays).toEqual([
      { date: '2025-06-10', dayTotal: 0.5, cumulativeTotal: 0.5 },
      { date: '2025-06-11', dayTotal: 0, cumulativeTotal: 0.5 },
    ]);
  });
});
