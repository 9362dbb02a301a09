import type { Client } from 'graphql-ws';
import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { type GraphQLResult, type TestPlatform } from '../../test-support/createTestPlatform';
import { platformSuite } from '../../test-support/platformSuite';
import {
  createPerson,
  seedOrganisation,
  agreementInput,
  createAgreement,
} from '../../test-support/seedOrganisation';
import { collect, connectSubscriptions } from '../../test-support/subscriptionClient';
import { waitFor } from '../../test-support/waitFor';
import { nextWorkingDays, TEST_ZONE } from '../../test-support/workingDays';

// The front end's operations (schema/contract/) for the domains built so far,
// executed through the real gateway on a seeded organisation.
describe('contract operations through the gateway', () => {
  const tp = platformSuite();
  const org = beforeAllValue(() => seedOrganisation(tp));
  const hr = () => ({ role: 'HR' as const, sub: org.hr.id });
  const auditor = { role: 'AUDITOR' as const, sub: 'service:auditor' };

  it('Me: the signed-in employee with their manager', async () => {
    const me = org.reports[1];
    const { data, errors } = await tp.graphql(op('Me'), {}, { role: 'EMPLOYEE', sub: me.id });
    expect(errors).toBeUndefined();
    expect(data!.me).toMatchObject({
      id: me.id,
      employeeNumber: me.employeeNumber,
      firstName: 'Ben',
      status: 'ACTIVE',
      manager: { id: org.manager.id, firstName: 'Maya', lastName: 'Okafor' },
    });
  });

  it('EmployeeDirectory: pages through everyone once, with a total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const result: GraphQLResult = await tp.graphql(
        op('EmployeeDirectory'),
        { first: 2, after },
        hr(),
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.employees;
      total = page.totalCount;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('EmployeeDirectory: filters by department', async () => {
    const { data } = await tp.graphql(
      op('EmployeeDirectory'),
      { first: 10, filter: { department: 'Radiology' } },
      hr(),
    );
    expect(data!.employees.nodes.map((n: { id: string }) => n.id)).toEqual([org.outsider.id]);
  });

  it('EmployeeProfile: HR sees everything, salary included', async () => {
    const { data, errors } = await tp.graphql(op('EmployeeProfile'), { id: org.manager.id }, hr());
    expect(errors).toBeUndefined();
    expect(data!.employee).toMatchObject({
      id: org.manager.id,
      phone: '+44 20 7946 0958',
      salary: { amountMinor: 3_500_000, currency: 'GBP' },
      location: 'ENGLAND_AND_WALES',
      timeZone: 'Europe/London',
      manager: null,
    });
    expect(data!.employee.directReports.map((r: { id: string }) => r.id).sort()).toEqual(
      org.reports.map((r) => r.id).sort(),
    );
  });

  it('EmployeeProfile: a manager reads a report but not their salary', async () => {
    const report = org.reports[0];
    const { data, errors } = await tp.graphql(
      op('EmployeeProfile'),
      { id: report.id },
      { role: 'MANAGER', sub: org.manager.id },
    );
    expect(data!.employee).toMatchObject({
      id: report.id,
      phone: '+44 20 7946 0958',
      salary: null,
    });
    expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['employee.salary', 'FORBIDDEN'],
    ]);
  });

  it('VerifyEmployee: answers for other systems', async () => {
    const { data } = await tp.graphql(
      op('VerifyEmployee'),
      { id: org.outsider.id },
      { role: 'SYSTEM' },
    );
    expect(data!.verifyEmployee).toEqual({
      exists: true,
      status: 'ACTIVE',
      department: 'Radiology',
    });
    const missing = await tp.graphql(
      op('VerifyEmployee'),
      { id: '0190d1a2-0000-7000-8000-000000000000' },
      { role: 'SYSTEM' },
    );
    expect(missing.data!.verifyEmployee).toMatchObject({ exists: false });
  });

  it('CreateEmployee, UpdateEmployee, ChangeEmployeeStatus, AssignManager, TerminateEmployee', async () => {
    const person = await createPerson(tp, 'Priya', 'Shah');
    const updated = await tp.graphql(
      op('UpdateEmployee'),
      { input: { id: person.id, jobTitle: 'Senior Staff Nurse', expectedVersion: 1 } },
      hr(),
    );
    expect(updated.data!.updateEmployee).toEqual({ id: person.id, version: 2 });

    const status = await tp.graphql(
      op('ChangeEmployeeStatus'),
      { input: { id: person.id, status: 'ON_LEAVE', expectedVersion: 2 } },
      hr(),
    );
    expect(status.data!.changeEmployeeStatus).toEqual({
      id: person.id,
      status: 'ON_LEAVE',
      version: 3,
    });

    const assigned = await tp.graphql(
      op('AssignManager'),
      { input: { id: person.id, managerId: org.manager.id, expectedVersion: 3 } },
      hr(),
    );
    expect(assigned.data!.assignManager).toEqual({
      id: person.id,
      manager: { id: org.manager.id },
      version: 4,
    });

    const terminated = await tp.graphql(
      op('TerminateEmployee'),
      { input: { id: person.id, terminationDate: '2025-12-31' } },
      hr(),
    );
    // A last day already past ends the employment at once (a later one is scheduled).
    expect(terminated.data!.terminateEmployee).toEqual({
      id: person.id,
      status: 'TERMINATED',
      terminationDate: '2025-12-31',
    });

    const directory = await tp.graphql(op('EmployeeDirectory'), { first: 50 }, hr());
    expect(directory.data!.employees.nodes.map((n: { id: string }) => n.id)).not.toContain(
      person.id,
    );
  });

  it('AuditLogs, EmployeeAuditTrail, VerifyAuditChain: every change is in the audit log', async () => {
    const person = await createPerson(tp, 'Rosa', 'Diaz');
    await tp.graphql(
      op('UpdateEmployee'),
      { input: { id: person.id, jobTitle: 'Charge Nurse' } },
      hr(),
    );

    const trail = await waitFor(async () => {
      const { data } = await tp.graphql(op('EmployeeAuditTrail'), { id: person.id }, auditor);
      const nodes = data?.employee?.auditTrail.nodes ?? [];
      return nodes.length === 2 ? nodes : undefined;
    });
    expect(trail.map((n: { logType: string }) => n.logType).sort()).toEqual([
      'employees.employee.created',
      'employees.employee.updated',
    ]);

    const logs = await tp.graphql(
      op('AuditLogs'),
      { filter: { entityId: person.id }, first: 10 },
      auditor,
    );
    expect(logs.errors).toBeUndefined();
    expect(logs.data!.auditLogs.totalCount).toBe(2);
    const created = logs.data!.auditLogs.nodes.find(
      (n: { logType: string }) => n.logType === 'employees.employee.created',
    );
    expect(created).toMatchObject({
      entityType: 'employee',
      entityId: person.id,
      subgraph: 'employees',
      status: 'SUCCESS',
    });
    expect(JSON.stringify(created.newValues)).not.toContain('7946 0958');

    const chain = await tp.graphql(op('VerifyAuditChain'), {}, auditor);
    expect(chain.data!.verifyAuditChain).toMatchObject({ valid: true, firstInvalidId: null });
    expect(chain.data!.verifyAuditChain.checked).toBeGreaterThanOrEqual(2);
  });

  it('carries the correlation id of a mutation to the audit entry of the event it caused', async () => {
    const correlationId = `corr-${Date.now()}`;
    const input = { id: org.outsider.id, jobTitle: 'Radiographer' };
    const updated = await tp.graphql(op('UpdateEmployee'), { input }, hr(), {
      'x-correlation-id': correlationId,
    });
    expect(updated.errors).toBeUndefined();
    const entries = await waitFor(async () => {
      const { data } = await tp.graphql(op('AuditLogs'), { filter: { correlationId } }, auditor);
      // The count is a second query, so it can see an entry the page missed: wait on the page.
      return data?.auditLogs.nodes.length ? data.auditLogs.nodes : undefined;
    });
    expect(entries).toEqual([
      expect.objectContaining({
        logType: 'employees.employee.updated',
        entityId: org.outsider.id,
        actorId: org.hr.id,
        correlationId,
      }),
    ]);
  });

  it('AuditLogs is refused to HR', async () => {
    const { errors } = await tp.graphql(op('AuditLogs'), { first: 1 }, hr());
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('subscriptions', () => {
    const clients: Client[] = [];
    const open = async (caller: Parameters<TestPlatform['token']>[0]) => {
      const client = connectSubscriptions(tp.url, await tp.token(caller));
      clients.push(client);
      return client;
    };
    /** Waits until `count` subscriptions are live, so the trigger is not missed. */
    const live = (count: number) =>
      waitFor(
        async () => (tp.platform.gateway.subscriptions!.engine.open() >= count ? true : undefined),
        10_000,
        20,
      );
    const first = (received: { results: any[] }) =>
      waitFor(async () => received.results[0], 15_000, 20);
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await waitFor(
        async () => (tp.platform.gateway.subscriptions!.engine.open() === 0 ? true : undefined),
        5000,
        20,
      );
    });

    it('NotificationReceived: a message HR sends, with the recipient from employees', async () => {
      const me = org.reports[0];
      const received = collect(
        await open({ role: 'EMPLOYEE', sub: me.id }),
        op('NotificationReceived'),
      );
      await live(1);
      const sent = await tp.graphql(
        `mutation Send($input: SendNotificationInput!) { sendNotification(input: $input) { notificationId } }`,
        { input: { recipientId: me.id, title: 'Rota', body: 'Out now' } },
        hr(),
      );
      expect(sent.errors).toBeUndefined();
      expect((await first(received)).data.notificationReceived).toMatchObject({
        id: sent.data!.sendNotification.notificationId,
        type: 'MESSAGE',
        title: 'Rota',
        body: 'Out now',
        recipient: { id: me.id, firstName: me.firstName, lastName: me.lastName },
      });
    });

    it("LeaveRequestUpdated: a report's new request reaches their manager", async () => {
      const report = org.reports[1];
      const received = collect(
        await open({ role: 'MANAGER', sub: org.manager.id }),
        op('LeaveRequestUpdated'),
      );
      await live(1);
      const weekOn = DateTime.now().setZone(TEST_ZONE).startOf('day').plus({ days: 7 });
      const date = nextWorkingDays(weekOn, 1)[0]!.toISODate()!;
      // Leave hears of the new employee by event: retry until it has.
      const asked = await waitFor(async () => {
        const result = await tp.graphql(
          op('RequestLeave'),
          { input: { leaveType: 'SICK', startDate: date, endDate: date } },
          { role: 'EMPLOYEE', sub: report.id },
        );
        return result.errors ? undefined : result.data!.requestLeave;
      });
      expect((await first(received)).data.leaveRequestUpdated).toEqual({
        id: asked.id,
        status: 'PENDING',
        employee: { id: report.id, firstName: report.firstName },
      });
    });

    it("AccrualBalanceChanged: a recorded shift changes the employee's balance", async () => {
      const nurse = org.reports[2];
      const year = new Date().getUTCFullYear();
      await createAgreement(
        tp,
        agreementInput(nurse.id, `${year - 1}-01-01`, `${year + 1}-12-31`),
        hr(),
      );
      const received = collect(
        await open({ role: 'EMPLOYEE', sub: nurse.id }),
        op('AccrualBalanceChanged'),
        { employeeId: nurse.id },
      );
      await live(1);
      const start = new Date(Date.now() - 2 * 86_400_000);
      start.setUTCHours(8, 0, 0, 0);
      await waitFor(async () => {
        const result = await tp.graphql(
          op('RecordTimeEntry'),
          {
            input: {
              employeeId: nurse.id,
              periodType: 'SHIFT',
              shiftType: 'Early',
              startTime: start.toISOString(),
              endTime: new Date(start.getTime() + 6 * 3_600_000).toISOString(),
              mealBreakMinutes: 0,
            },
          },
          { role: 'EMPLOYEE', sub: nurse.id },
        );
        return result.errors ? undefined : true;
      });
      // The agreement itself may change the balance first (to 0): wait for the shift's.
      const changed = await waitFor(
        async () =>
          received.results.find((r) => r.data.accrualBalanceChanged.worked === 6) ?? undefined,
        15_000,
        20,
      );
      expect(changed.data.accrualBalanceChanged).toMatchObject({
        accrualType: 'ANNUAL_TARGET_HOURS',
        worked: 6,
        remaining: 1944,
      });
    });
  });
});
