import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { beforeAllValue } from '../../test-support/beforeAllValue';
import { platformSuite } from '../../test-support/platformSuite';
import { onlyPolicyRefusal } from '../../test-support/policyRefusal';
import { seedOrganisation, agreeForTwoLeaveYears } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const UPDATE_POLICY = `mutation ($input: UpdateCompliancePolicyInput!) {
  updateCompliancePolicy(input: $input) { kind key version effectiveFrom inForce leave { noticeDays } }
}`;
const REQUEST = `mutation ($input: RequestLeaveInput!) {
  requestLeave(input: $input) { id status days policyVersion }
}`;
const MY_REQUEST = `query ($id: ID!) { leaveRequest(id: $id) { id status policyVersion } }`;

// A policy changed through the gateway reaches leave over NATS: a request made before the
// change keeps the version it was judged by, one made after is judged by the new one.
describe('a LEAVE policy change, from HR to leave', () => {
  const tp = platformSuite();
  const org = beforeAllValue(() => seedOrganisation(tp));
  let nurse: string;
  const hr = { role: 'HR' as const, sub: 'service:hr' };
  const asNurse = () => ({ role: 'EMPLOYEE' as const, sub: nurse });
  const today = DateTime.now().setZone('Europe/London').startOf('day');
  /**
   * `days` days from the Monday at least 14 days away, `weeks` weeks on. Notice is what
   * the tests change: the number of days charged varies with bank holidays, notice does not.
   */
  const run = (weeks: number, days: number) => {
    const soon = today.plus({ days: 14 });
    const monday = soon.plus({ days: (8 - soon.weekday) % 7, weeks });
    return {
      startDate: monday.toISODate()!,
      endDate: monday.plus({ days: days - 1 }).toISODate()!,
    };
  };
  const request = (dates: { startDate: string; endDate: string }) =>
    tp.graphql(REQUEST, { input: { leaveType: 'ANNUAL', ...dates } }, asNurse());

  beforeAll(async () => {
    nurse = org.reports[0]!.id;
    await agreeForTwoLeaveYears(tp, nurse, today, run(0, 1).startDate);
  });

  it('judges a request before the change by version 1 and one after by version 2, each for good', async () => {
    const before = await request(run(0, 5));
    expect(before.errors).toBeUndefined();
    expect(before.data!.requestLeave).toMatchObject({ status: 'PENDING', policyVersion: 1 });

    const changed = await tp.graphql(
      UPDATE_POLICY,
      {
        input: { kind: 'LEAVE', key: 'ANNUAL', leave: { noticeDays: 60 }, reason: 'Rota planning' },
      },
      hr,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateCompliancePolicy).toMatchObject({
      kind: 'LEAVE',
      key: 'ANNUAL',
      version: 2,
      inForce: true,
      leave: { noticeDays: 60 },
    });

    // Leave takes the version from compliance's event; until then it judges by version 1.
    await waitFor(async () => {
      const policies = await tp.graphql('{ leavePolicies { leaveType version } }', {}, asNurse());
      const annual = policies.data?.leavePolicies.find(
        (p: { leaveType: string }) => p.leaveType === 'ANNUAL',
      );
      return annual?.version === 2 ? true : undefined;
    });
    const after = await request(run(2, 5));
    const refusal = onlyPolicyRefusal(after, {
      policy: { kind: 'LEAVE', key: 'ANNUAL', version: 2 },
    });
    expect(refusal.message).toMatch(/\(LEAVE\/ANNUAL v2\)$/);

    const fits = await request(run(9, 5));
    expect(fits.errors).toBeUndefined();
    expect(fits.data!.requestLeave).toMatchObject({ status: 'PENDING', policyVersion: 2 });

    const kept = await tp.graphql(MY_REQUEST, { id: before.data!.requestLeave.id }, asNurse());
    expect(kept.data!.leaveRequest).toMatchObject({ status: 'PENDING', policyVersion: 1 });
    const approved = await tp.graphql(
      op('ApproveLeave'),
      { input: { id: before.data!.requestLeave.id } },
      { role: 'MANAGER', sub: org.manager.id },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveLeave.status).toBe('APPROVED');
  });

  it('lets an employee read the policies in force but not change them, and refuses a contradiction naming the field', async () => {
    const read = await tp.graphql(
      '{ compliancePolicies(kind: ATTENDANCE) { kind key version attendance { graceMinutes } } }',
      {},
      asNurse(),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.compliancePolicies).toEqual([
      { kind: 'ATTENDANCE', key: 'DEFAULT', version: 1, attendance: { graceMinutes: 10 } },
    ]);
    const change = { kind: 'ATTENDANCE', attendance: { graceMinutes: 5 } };
    const refused = await tp.graphql(UPDATE_POLICY, { input: change }, asNurse());
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const contradiction = {
      kind: 'ATTENDANCE',
      attendance: { graceMinutes: 200, defaultShiftMinutes: 180 },
    };
    const bad = await tp.graphql(UPDATE_POLICY, { input: contradiction }, hr);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.attendance.graceMinutes',
    });
  });
});
