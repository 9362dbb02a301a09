import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import { agreementInput, createAgreement } from '../../test-support/seedOrganisation';
import { inParallel } from '../../test-support/inParallel';
import { waitFor } from '../../test-support/waitFor';

// Three pulls' worth of backlog: enough to be applied in several batches, few enough that
// recording them through the gateway stays a small part of the suite's CPU.
const ENTRIES = 600;
const PER_DAY = 3;

/** The n-th two-hour shift: three a day from 2025-04-01, at 09, 12 and 15 UTC. */
function shift(n: number) {
  const day = new Date(Date.UTC(2025, 3, 1 + Math.floor(n / PER_DAY)));
  const start = new Date(day.getTime() + (9 + 3 * (n % PER_DAY)) * 3600_000);
  const end = new Date(start.getTime() + 2 * 3600_000);
  return { date: day.toISOString().slice(0, 10), start, end };
}

// Time must keep taking entries while accruals is down; when accruals comes back it
// catches up from its durable consumer, and the balances are what the entries say.
describe('accruals down while 600 time entries are recorded', () => {
  const tp = platformSuite();
  const nurse = hireBeforeAll(tp, 'Ada', 'Backlog');
  const self = () => ({ role: 'EMPLOYEE' as const, sub: nurse.id });

  beforeAll(async () => {
    await createAgreement(tp, agreementInput(nurse.id, '2025-04-01', '2026-03-31'));
    // Accruals has the agreement before it goes down.
    await waitFor(async () => {
      const { data } = await tp.graphql(
        op('AccrualBalances'),
        { id: nurse.id, on: '2025-04-01' },
        self(),
      );
      return data?.employee.accruals.length ? true : undefined;
    });
  });

  const worked = async () => {
    const { data } = await tp.graphql(
      op('AccrualBalances'),
      { id: nurse.id, on: '2026-03-31' },
      self(),
    );
    return data?.employee?.accruals?.find(
      (a: { accrualType: string }) => a.accrualType === 'ANNUAL_TARGET_HOURS',
    )?.worked as number | undefined;
  };

  it('stores them all, and afterwards the balances equal the entries', async () => {
    const accruals = tp.platform.runtimes.accruals!;
    await accruals.stop();

    const shifts = Array.from({ length: ENTRIES }, (_, n) => shift(n));
    const correlationIds = await inParallel(shifts, 4, async ({ start, end }) => {
      const input = {
        employeeId: nurse.id,
        periodType: 'SHIFT',
        startTime: start.toISOString(),
        endTime: end.toISOString(),
        mealBreakMinutes: 0,
      };
      const result = await tp.graphql(op('RecordTimeEntry'), { input }, self());
      expect(result.errors).toBeUndefined();
      return result.data!.recordTimeEntry.correlationId as string;
    });
    const timecard = await tp.graphql(
      op('Timecard'),
      { id: nurse.id, from: '2025-04-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      self(),
    );
    expect(timecard.data!.employee.timeEntries).toHaveLength(ENTRIES);

    await accruals.start();
    // The backlog arrives in batches, each moving the days forward once; the bound is for a
    // busy machine, where the applying waits on the other suites.
    await waitFor(
      async () => ((await worked()) === ENTRIES * 2 ? true : undefined),
      1_200_000,
      1000,
    );

    // Day by day, what a recomputation from the entries gives: 6 hours a day, 2 on the last.
    const lastDate = shifts[ENTRIES - 1]!.date;
    const perDay = new Map<string, number>();
    for (const { date } of shifts) perDay.set(date, (perDay.get(date) ?? 0) + 2);
    let cumulative = 0;
    const expected = [...perDay].map(([date, dayTotal]) => ({
      date,
      dayTotal,
      cumulativeTotal: (cumulative += dayTotal),
    }));
    const days = await tp.graphql(
      op('AccrualDays'),
      { id: nurse.id, type: 'ANNUAL_TARGET_HOURS', from: '2025-04-01', to: lastDate },
      self(),
    );
    expect(days.data!.employee.accrualDays).toEqual(expected);

    const reflected = await inParallel(correlationIds, 8, async (correlationId) => {
      const { data } = await tp.graphql(op('AccrualsConsistency'), { correlationId }, self());
      return data!.accrualsConsistency.reflected as boolean;
    });
    expect(reflected.filter((r) => !r)).toHaveLength(0);
  }, 1_500_000);
});
