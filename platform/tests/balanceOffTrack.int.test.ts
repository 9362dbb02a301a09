import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import {
  agreementInput,
  daysAround,
  createAgreement,
  type SeededPerson,
} from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { whenSettled } from '../../test-support/platformMetrics';

// Balances off track end to end: an agreement that began 200 days ago, and two shifts,
// leave a nurse far behind her expected share of 1,950 target hours. Accruals says so once
// (accruals.balance_status.changed over NATS), and notifications tells her and her manager.
describe('balances off track through the gateway', () => {
  const tp = platformSuite();
  const manager = hireBeforeAll(tp, 'Maya', 'Okafor', { jobTitle: 'Ward Manager' });
  const nurse = hireBeforeAll(tp, 'Nia', 'Shore', () => ({ managerId: manager.id }));
  const today = DateTime.now().setZone('Europe/London').startOf('day');
  const asEmployee = (person: SeededPerson) => ({ role: 'EMPLOYEE' as const, sub: person.id });
  const asManager = (person: SeededPerson) => ({ role: 'MANAGER' as const, sub: person.id });

  beforeAll(async () => {
    await createAgreement(tp, agreementInput(nurse.id, ...daysAround(today, 200, 164)));
  });

  const settled = () => whenSettled(tp, 60_000);

  /** An 8-hour day shift `daysAgo` days ago, recorded by the nurse once time knows her. */
  async function recordShift(daysAgo: number): Promise<string> {
    const day = today.minus({ days: daysAgo });
    const input = {
      employeeId: nurse.id,
      periodType: 'SHIFT',
      shiftType: 'Early',
      startTime: day.set({ hour: 7 }).toISO(),
      endTime: day.set({ hour: 15, minute: 30 }).toISO(),
      mealBreakMinutes: 30,
    };
    const recorded = await waitFor(async () => {
      const result = await tp.graphql(op('RecordTimeEntry'), { input }, asEmployee(nurse));
      return result.errors ? undefined : result.data!.recordTimeEntry;
    });
    return recorded.correlationId as string;
  }

  const offTrack = async (caller: { role: 'EMPLOYEE' | 'MANAGER'; sub: string }) => {
    const result = await tp.graphql(op('MyNotifications'), { first: 50 }, caller);
    expect(result.errors).toBeUndefined();
    return result.data!.myNotifications.nodes.filter(
      (n: { type: string }) => n.type === 'BALANCE_OFF_TRACK',
    );
  };

  it('tells the nurse once, and her manager once', async () => {
    const chains = [await recordShift(3), await recordShift(2)];
    for (const correlationId of chains)
      await waitFor(async () => {
        const { data } = await tp.graphql(
          op('AccrualsConsistency'),
          { correlationId },
          asEmployee(nurse),
        );
        return data?.accrualsConsistency.reflected ? true : undefined;
      });
    await waitFor(async () => ((await offTrack(asManager(manager))).length ? true : undefined));
    await settled();

    const mine = await offTrack(asEmployee(nurse));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      title: 'Your annual target hours are off track',
      status: 'UNREAD',
    });
    expect(mine[0].body).toMatch(
      /^Your annual target hours are [\d.]+ % behind where they should be by \d{4}-\d\d-\d\d \([\d,.]+ of [\d,.]+ h expected\)\.$/,
    );
    const theirs = await offTrack(asManager(manager));
    expect(theirs).toHaveLength(1);
    expect(theirs[0].title).toBe("Nia Shore's annual target hours are off track");
  });
});
