import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { platformSuite } from '../../test-support/platformSuite';
import { seedOrganisation, agreeForTwoLeaveYears } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { isWorkingDay, TEST_ZONE } from '../../test-support/workingDays';

// Leave end to end: leave learns people and agreements from events, a report asks for
// leave, their manager sees and decides it, and the balances follow. Dates are relative
// to today, since the notice period is counted from today.
describe('leave through the gateway', () => {
  const tp = platformSuite();
  const org = beforeAllValue(() => seedOrganisation(tp));
  const asEmployee = (id: string) => ({ role: 'EMPLOYEE' as const, sub: id });
  const asManager = (id: string) => ({ role: 'MANAGER' as const, sub: id });
  const today = DateTime.now().setZone(TEST_ZONE).startOf('day');
  /**
   * The first Monday at least 14 days away whose Monday to Wednesday are all working days, so
   * that a request for them counts three days in any month, December included.
   */
  let monday = today.plus({ days: 14 }).plus({ days: (8 - today.plus({ days: 14 }).weekday) % 7 });
  while (![0, 1, 2].every((days) => isWorkingDay(monday.plus({ days }))))
    monday = monday.plus({ weeks: 1 });
  /** Monday to Wednesday of the week `weeks` after that Monday. */
  const week = (weeks: number) => {
    const start = monday.plus({ weeks });
    return { startDate: start.toISODate()!, endDate: start.plus({ days: 2 }).toISODate()! };
  };
  let nurse: string;

  beforeAll(async () => {
    nurse = org.reports[0]!.id;
    await agreeForTwoLeaveYears(tp, nurse, today, week(0).startDate);
  });

  const request = async (dates: { startDate: string; endDate: string }) => {
    const input = { leaveType: 'ANNUAL', ...dates };
    const result = await tp.graphql(op('RequestLeave'), { input }, asEmployee(nurse));
    expect(result.errors).toBeUndefined();
    return result.data!.requestLeave;
  };

  it('takes a request, shows it to the manager with the name from employees, and counts it once approved', async () => {
    const asked = await request(week(0));
    expect(asked).toMatchObject({ status: 'PENDING', leaveType: 'ANNUAL', days: 3 });

    const pending = await tp.graphql(op('PendingLeaveApprovals'), {}, asManager(org.manager.id));
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.pendingLeaveApprovals.nodes).toEqual([
      expect.objectContaining({
        id: asked.id,
        days: 3,
        employee: {
          id: nurse,
          firstName: org.reports[0]!.firstName,
          lastName: org.reports[0]!.lastName,
        },
      }),
    ]);

    const outsider = await tp.graphql(
      op('ApproveLeave'),
      { input: { id: asked.id } },
      asManager(org.outsider.id),
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await tp.graphql(op('ApproveLeave'), { input: { id: asked.id } }, asManager(nurse));
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const approved = await tp.graphql(
      op('ApproveLeave'),
      { input: { id: asked.id } },
      asManager(org.manager.id),
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveLeave).toMatchObject({
      status: 'APPROVED',
      approvedBy: { id: org.manager.id },
    });

    const balances = await tp.graphql(
      op('LeaveBalances'),
      { id: nurse, on: week(0).startDate },
      asEmployee(nurse),
    );
    const annual = balances.data!.employee.leaveBalances.find(
      (b: { leaveType: string }) => b.leaveType === 'ANNUAL',
    );
    expect(annual).toMatchObject({ taken: 3, pending: 0 });
    expect(annual.remaining).toBe(annual.entitlement + annual.carriedOver - 3);
  });

  it('rejects with a reason, cancels on request, and lists every request in the history', async () => {
    const second = await request(week(2));
    const rejected = await tp.graphql(
      op('RejectLeave'),
      { input: { id: second.id, reason: 'Ward short-staffed' } },
      asManager(org.manager.id),
    );
    expect(rejected.data!.rejectLeave).toEqual({
      id: second.id,
      status: 'REJECTED',
      rejectionReason: 'Ward short-staffed',
    });

    const third = await request(week(4));
    const cancelled = await tp.graphql(
      op('CancelLeave'),
      { input: { id: third.id } },
      asEmployee(nurse),
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelLeave.status).toBe('CANCELLED');

    const history = await tp.graphql(op('LeaveHistory'), { id: nurse }, asEmployee(nurse));
    const statuses = Object.fromEntries(
      history.data!.employee.leaveRequests.nodes.map((r: { id: string; status: string }) => [
        r.id,
        r.status,
      ]),
    );
    expect(statuses).toMatchObject({ [second.id]: 'REJECTED', [third.id]: 'CANCELLED' });
    expect(Object.keys(statuses)).toHaveLength(3);
  });

  it('tells the manager of the request and the employee of the decision', async () => {
    const types = (id: string) =>
      tp
        .graphql(op('MyNotifications'), { first: 50 }, asEmployee(id))
        .then((r) => (r.data?.myNotifications.nodes ?? []).map((n: { type: string }) => n.type));
    await waitFor(async () =>
      (await types(org.manager.id)).includes('LEAVE_REQUESTED') ? true : undefined,
    );
    await waitFor(async () => ((await types(nurse)).includes('LEAVE_APPROVED') ? true : undefined));
    // Nobody sees another person's notifications.
    expect(await types(org.outsider.id)).not.toContain('LEAVE_APPROVED');
  });
});
