import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import { agreementEvent, employeeCreated, startAccruals } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const BALANCE = `query Balance($employeeId: ID!, $accrualType: AccrualType!, $on: Date) {
  accrualBalance(employeeId: $employeeId, accrualType: $accrualType, on: $on) {
    accrualType target worked status agreement { id }
  }
}`;

// The entity lookup the gateway uses to resolve accrualBalanceChanged payloads.
describe('accruals: accrualBalance', () => {
  const h = suiteHarness(startAccruals);
  const manager = uuidv7();
  const employee = uuidv7();
  const outsider = uuidv7();
  const today = DateTime.now().setZone('Europe/London');

  beforeAll(async () => {
    await h.apply(employeeCreated(manager));
    await h.apply(employeeCreated(employee, { managerId: manager }));
    await h.apply(employeeCreated(outsider));
    await h.apply(
      agreementEvent(employee, {
        startDate: today.minus({ days: 10 }).toISODate()!,
        endDate: today.plus({ days: 300 }).toISODate()!,
        targets: [{ accrualType: 'NIGHT_HOURS', total: 100 }],
      }),
    );
  });

  const balance = (accrualType: string, caller: { role: 'EMPLOYEE' | 'MANAGER'; sub: string }) =>
    h.gql(BALANCE, { employeeId: employee, accrualType }, caller);

  it("gives one type's balance on the employee's local today", async () => {
    const reply = await balance('NIGHT_HOURS', { role: 'EMPLOYEE', sub: employee });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.accrualBalance).toMatchObject({
      accrualType: 'NIGHT_HOURS',
      target: 100,
      worked: 0,
    });
  });

  it('is null for a type the agreement does not name, or a day outside it', async () => {
    const unnamed = await balance('WEEKEND_HOURS', { role: 'MANAGER', sub: manager });
    expect(unnamed.data!.accrualBalance).toBeNull();
    const before = await h.gql(BALANCE, {
      employeeId: employee,
      accrualType: 'NIGHT_HOURS',
      on: today.minus({ days: 30 }).toISODate(),
    });
    expect(before.errors).toBeUndefined();
    expect(before.data!.accrualBalance).toBeNull();
  });

  it('is FORBIDDEN to anyone who may not read the accruals', async () => {
    const reply = await balance('NIGHT_HOURS', { role: 'MANAGER', sub: outsider });
    expect(reply.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
