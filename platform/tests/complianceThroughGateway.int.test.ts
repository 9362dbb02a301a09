import { platformSuite } from '../../test-support/platformSuite';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';
import { attendance } from '../../subgraphs/attendance/src';
import { compliance } from '../../subgraphs/compliance/src';
import { employees } from '../../subgraphs/employees/src';
import { leave } from '../../subgraphs/leave/src';
import { EmployeeCopySchema as LeaveEmployee } from '../../subgraphs/leave/src/entities';
import { LeavePolicyCopySchema } from '../../subgraphs/leave/src/leavePolicies';
import { time } from '../../subgraphs/time/src';
import { EmployeeCopySchema, PolicyCopySchema } from '../../subgraphs/time/src/entities';

const modules = [employees, time, attendance, leave, compliance];

const UPDATE = `mutation ($input: UpdateCompliancePolicyInput!) {
  updateCompliancePolicy(input: $input) { kind key version inForce workingTime { maxEntryMinutes } }
}`;
const VALIDATE = `query ($input: ComplianceCheckInput!) {
  validateCompliance(input: $input) {
    allowed
    findings { rule field severity message policy { kind key version } }
  }
}`;

describe('compliance through the gateway: a policy change reaches time, and time answers the check', () => {
  const p = platformSuite({ only: modules });

  const hr = { role: 'HR' as const, sub: '0190a3c4-0000-7000-8000-0000000000c1' };
  const hire = async () => {
    const { id } = await createPerson(p, 'Pat', 'Compliance');
    await waitFor(
      async () =>
        (await p.platform.runtimes.time.orm.em.fork().findOne(EmployeeCopySchema, id)) ?? undefined,
    );
    await waitFor(
      async () =>
        (await p.platform.runtimes.leave.orm.em.fork().findOne(LeaveEmployee, id)) ?? undefined,
    );
    return id;
  };
  /** A shift of `hours` ending an hour ago. */
  const shift = (employeeId: string, hours: number) => {
    const end = Date.now() - 60 * 60 * 1000;
    return {
      employeeId,
      periodType: 'SHIFT',
      startTime: new Date(end - hours * 60 * 60 * 1000).toISOString(),
      endTime: new Date(end).toISOString(),
      mealBreakMinutes: 60,
    };
  };

  it('checks a time entry against the WORKING_TIME version HR just put in force', async () => {
    const id = await hire();
    const self = { role: 'EMPLOYEE' as const, sub: id };
    const before = await p.graphql(VALIDATE, { input: { timeEntry: shift(id, 11) } }, self);
    expect(before.errors).toBeUndefined();
    expect(before.data!.validateCompliance).toEqual({ allowed: true, findings: [] });

    const changed = await p.graphql(
      UPDATE,
      {
        input: {
          kind: 'WORKING_TIME',
          workingTime: { maxEntryMinutes: 600 },
          reason: 'Ten hours.',
        },
      },
      hr,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateCompliancePolicy).toMatchObject({ version: 2, inForce: true });
    await waitFor(
      async () =>
        (await p.platform.runtimes.time.orm.em
          .fork()
          .findOne(PolicyCopySchema, { kind: 'WORKING_TIME', version: 2 })) ?? undefined,
    );

    const after = await p.graphql(VALIDATE, { input: { timeEntry: shift(id, 11) } }, self);
    expect(after.data!.validateCompliance).toEqual({
      allowed: false,
      findings: [
        expect.objectContaining({
          rule: 'MAX_ENTRY_LENGTH',
          field: 'endTime',
          severity: 'REFUSAL',
          policy: { kind: 'WORKING_TIME', key: 'DEFAULT', version: 2 },
        }),
      ],
    });
    expect(after.data!.validateCompliance.findings[0].message).toMatch(/\(WORKING_TIME v2\)/);
  });

  it("answers with time's refusal of the question, and attendance's in the input's names", async () => {
    const id = await hire();
    const other = await hire();
    const self = { role: 'EMPLOYEE' as const, sub: id };
    const forOther = await p.graphql(VALIDATE, { input: { timeEntry: shift(other, 8) } }, self);
    expect(forOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const checkInTime = new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString();
    const checkOutTime = new Date(Date.now() - 4 * 60 * 60 * 1000).toISOString();
    const backwards = await p.graphql(
      VALIDATE,
      { input: { attendanceDay: { employeeId: id, checkInTime, checkOutTime } } },
      hr,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'checkOutTime',
    });
  });

  it('checks a leave request against the LEAVE version of its type, before and after a change', async () => {
    const id = await hire();
    const self = { role: 'EMPLOYEE' as const, sub: id };
    const day = (ahead: number) =>
      new Date(Date.now() + ahead * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const request = { leaveType: 'UNPAID', startDate: day(3), endDate: day(9) };
    const before = await p.graphql(VALIDATE, { input: { leaveRequest: request } }, self);
    expect(before.errors).toBeUndefined();
    expect(before.data!.validateCompliance.findings).toContainEqual(
      expect.objectContaining({
        rule: 'NOTICE_PERIOD',
        field: 'startDate',
        severity: 'REFUSAL',
        policy: { kind: 'LEAVE', key: 'UNPAID', version: 1 },
      }),
    );

    const changed = await p.graphql(
      UPDATE,
      { input: { kind: 'LEAVE', key: 'UNPAID', leave: { noticeDays: 2 } } },
      hr,
    );
    expect(changed.errors).toBeUndefined();
    await waitFor(
      async () =>
        (await p.platform.runtimes.leave.orm.em
          .fork()
          .findOne(LeavePolicyCopySchema, { kind: 'LEAVE', key: 'UNPAID', version: 2 })) ??
        undefined,
    );
    const after = await p.graphql(VALIDATE, { input: { leaveRequest: request } }, self);
    expect(after.errors).toBeUndefined();
    expect(after.data!.validateCompliance.findings).not.toContainEqual(
      expect.objectContaining({ rule: 'NOTICE_PERIOD' }),
    );
  });
});
