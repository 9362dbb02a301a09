import { onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, asManager, hr, startLeave } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('leave: approval workflow', () => {
  const h = suiteHarness(startLeave);
  let managerId: string;
  let otherManagerId: string;
  let employeeId: string;

  beforeAll(async () => {
    managerId = await h.hire();
    otherManagerId = await h.hire();
    employeeId = await h.hire({ managerId });
  });

  let next = 0;
  const WORKING_DAYS = [5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23].map(
    (d) => `2026-01-${String(d).padStart(2, '0')}`,
  );
  /** A fresh pending request of `employeeId`, a week apart from the others. */
  const pending = async (who = employeeId) => {
    const day = WORKING_DAYS[next++];
    const reply = await h.request(who, { startDate: day, endDate: day });
    expect(reply.errors).toBeUndefined();
    return reply.data.requestLeave.id as string;
  };

  it('lets the manager approve, recording who and when, with one event', async () => {
    const id = await pending();
    const reply = await h.op(
      'ApproveLeave',
      { input: { id, expectedVersion: 1 } },
      asManager(managerId),
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data.approveLeave).toMatchObject({
      id,
      status: 'APPROVED',
      approvedBy: { id: managerId },
    });
    expect(reply.data.approveLeave.approvedAt).toMatch(/Z$/);
    const [event] = await h.eventsAbout(id, 'leave.request.approved');
    expect(event.data).toMatchObject({
      requestId: id,
      employeeId,
      version: 2,
      status: 'APPROVED',
      days: 1,
      approvedBy: managerId,
      managerId,
      leaveType: 'ANNUAL',
      paid: true,
    });
  });

  it('forbids a manager approving someone who is not their report', async () => {
    const id = await pending();
    const before = await h.snapshot();
    const error = onlyError(
      await h.op('ApproveLeave', { input: { id } }, asManager(otherManagerId)),
    );
    expect(error.extensions!.code).toBe('FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);
  });

  it('forbids anyone approving their own leave, HR included', async () => {
    const ownManager = await pending(managerId);
    expect(
      onlyError(await h.op('ApproveLeave', { input: { id: ownManager } }, asManager(managerId)))
        .extensions!.code,
    ).toBe('FORBIDDEN');
    const hrPerson = await h.hire({ managerId });
    const own = await pending(hrPerson);
    expect(
      onlyError(await h.op('ApproveLeave', { input: { id: own } }, { role: 'HR', sub: hrPerson }))
        .extensions!.code,
    ).toBe('FORBIDDEN');
    const id = await pending();
    expect(
      onlyError(await h.op('ApproveLeave', { input: { id } }, asEmployee(employeeId))).extensions!
        .code,
    ).toBe('FORBIDDEN');
  });

  it('lets HR approve anyone else’s leave', async () => {
    const id = await pending();
    expect((await h.op('ApproveLeave', { input: { id } }, hr)).data.approveLeave.status).toBe(
      'APPROVED',
    );
  });

  it('rejects with a reason, and refuses to decide twice (CONFLICT)', async () => {
    const id = await pending();
    const reply = await h.op(
      'RejectLeave',
      { input: { id, reason: 'Ward short-staffed' } },
      asManager(managerId),
    );
    expect(reply.data.rejectLeave).toEqual({
      id,
      status: 'REJECTED',
      rejectionReason: 'Ward short-staffed',
    });
    const [event] = await h.eventsAbout(id, 'leave.request.rejected');
    expect(event.data).toMatchObject({ status: 'REJECTED', rejectedBy: managerId, version: 2 });
    const again = onlyError(await h.op('ApproveLeave', { input: { id } }, asManager(managerId)));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('refuses a stale expectedVersion (CONFLICT)', async () => {
    const id = await pending();
    const error = onlyError(
      await h.op('ApproveLeave', { input: { id, expectedVersion: 7 } }, asManager(managerId)),
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
  });

  it('answers NOT_FOUND for an unknown request', async () => {
    const error = onlyError(
      await h.op('ApproveLeave', { input: { id: '0190a3c4-0000-7000-8000-000000000000' } }, hr),
    );
    expect(error.extensions!.code).toBe('NOT_FOUND');
  });

  it('lets the employee cancel a pending or future approved request, freeing its days', async () => {
    const a = await pending();
    const cancelled = await h.op('CancelLeave', { input: { id: a } }, asEmployee(employeeId));
    expect(cancelled.data.cancelLeave).toMatchObject({ id: a, status: 'CANCELLED' });
    expect(cancelled.data.cancelLeave.cancelledAt).toMatch(/Z$/);
    const b = await pending();
    await h.op('ApproveLeave', { input: { id: b } }, asManager(managerId));
    const reply = await h.op('CancelLeave', { input: { id: b } }, asEmployee(employeeId));
    expect(reply.data.cancelLeave.status).toBe('CANCELLED');
    const [event] = await h.eventsAbout(b, 'leave.request.cancelled');
    expect(event.data).toMatchObject({
      status: 'CANCELLED',
      previousStatus: 'APPROVED',
      cancelledBy: employeeId,
      version: 3,
    });
    // The days are free again: the same dates can be asked for.
    const [day] = (event.data.dates as { date: string }[]).map((d) => d.date);
    expect(
      (await h.request(employeeId, { startDate: day, endDate: day })).data.requestLeave.status,
    ).toBe('PENDING');
  });

  it('forbids cancelling someone else’s leave; HR may', async () => {
    const id = await pending();
    expect(
      onlyError(await h.op('CancelLeave', { input: { id } }, asManager(managerId))).extensions!
        .code,
    ).toBe('FORBIDDEN');
    expect((await h.op('CancelLeave', { input: { id } }, hr)).data.cancelLeave.status).toBe(
      'CANCELLED',
    );
  });

  it('refuses to cancel approved leave that has started (LEAVE_ALREADY_STARTED)', async () => {
    const sick = await h.request(employeeId, {
      leaveType: 'SICK',
      startDate: '2025-10-30',
      endDate: '2025-10-31',
    });
    expect(sick.errors).toBeUndefined();
    const id = sick.data.requestLeave.id;
    await h.op('ApproveLeave', { input: { id } }, asManager(managerId));
    const error = onlyError(await h.op('CancelLeave', { input: { id } }, asEmployee(employeeId)));
    expect(error.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'LEAVE_ALREADY_STARTED',
    });
  });

  it('lists the pending requests of the manager’s direct reports', async () => {
    const m = await h.hire();
    const a = await h.hire({ managerId: m });
    const b = await h.hire({ managerId: m });
    await h.request(a, { startDate: '2026-02-09', endDate: '2026-02-10' });
    await h.request(b, { startDate: '2026-02-02', endDate: '2026-02-02' });
    const decided = await h.request(b, { startDate: '2026-03-02', endDate: '2026-03-02' });
    await h.op('RejectLeave', { input: { id: decided.data.requestLeave.id } }, asManager(m));
    const reply = await h.op('PendingLeaveApprovals', {}, asManager(m)).catch((e) => e);
    // The contract selects employee names (the employees subgraph's); ask leave for its part.
    expect(reply.errors?.[0]?.message ?? '').toMatch(/firstName|Cannot query/);
    const mine = await h.gql(
      `{ pendingLeaveApprovals(first: 50) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { id employee { id } leaveType startDate endDate days status } } }`,
      {},
      asManager(m),
    );
    expect(mine.errors).toBeUndefined();
    const page = mine.data!.pendingLeaveApprovals;
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((n: any) => [n.employee.id, n.startDate])).toEqual([
      [b, '2026-02-02'],
      [a, '2026-02-09'],
    ]);
    const first = await h.gql(
      `{ pendingLeaveApprovals(first: 1) { pageInfo { hasNextPage endCursor } nodes { id } } }`,
      {},
      asManager(m),
    );
    const { endCursor, hasNextPage } = first.data!.pendingLeaveApprovals.pageInfo;
    expect(hasNextPage).toBe(true);
    const second = await h.gql(
      `query ($after: String) { pendingLeaveApprovals(first: 1, after: $after) { nodes { id } } }`,
      { after: endCursor },
      asManager(m),
    );
    expect(second.data!.pendingLeaveApprovals.nodes[0].id).toBe(page.nodes[1].id);
    const none = await h.gql(`{ pendingLeaveApprovals { totalCount } }`, {}, asEmployee(a));
    expect(none.data!.pendingLeaveApprovals.totalCount).toBe(0);
  });

  it('lists them only to whom may decide them, whatever reports the token names', async () => {
    const m = await h.hire();
    const report = await h.hire({ managerId: m });
    await h.request(report, { startDate: '2026-04-13', endDate: '2026-04-13' });
    const count = async (role: 'MANAGER' | 'HR' | 'FINANCE' | 'AUDITOR' | 'EMPLOYEE' | 'PARTNER') =>
      (await h.gql(`{ pendingLeaveApprovals { totalCount } }`, {}, { role, sub: m })).data!
        .pendingLeaveApprovals.totalCount;
    expect(await count('MANAGER')).toBe(1);
    expect(await count('HR')).toBe(1);
    for (const role of ['FINANCE', 'AUDITOR', 'EMPLOYEE', 'PARTNER'] as const)
      expect([role, await count(role)]).toEqual([role, 0]);
  });
});
