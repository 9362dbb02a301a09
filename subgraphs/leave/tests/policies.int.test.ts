import { v7 as uuidv7 } from 'uuid';
import { onlyError } from '../../../test-support/startSubgraph';
import {
  asEmployee,
  asManager,
  hr,
  NOW,
  policyData,
  startLeave,
  type LeaveHarness,
} from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const READ_REQUEST = `query ($id: ID!) { leaveRequest(id: $id) { id status policyVersion } }`;
const READ_POLICIES = `{ leavePolicies { leaveType version effectiveFrom noticeDays entitlementDays } }`;
const BALANCES = `... on Employee { leaveBalances(on: $on) { leaveType leaveYearStart entitlement carriedOver } }`;

const hoursAfterNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe('leave: judged by versioned LEAVE policies', () => {
  let h: LeaveHarness;
  let clock = NOW;
  beforeAll(async () => {
    h = await startLeave({ now: () => clock });
  });
  beforeEach(() => {
    clock = NOW;
  });
  afterAll(() => h.stop());

  const policyVersionOf = async (id: string) =>
    (await h.gql(READ_REQUEST, { id })).data!.leaveRequest.policyVersion;
  const policyOf = async (leaveType: string) =>
    (await h.gql(READ_POLICIES)).data!.leavePolicies.find(
      (p: { leaveType: string }) => p.leaveType === leaveType,
    );
  const approvedEventOf = async (requestId: string) =>
    (await h.events('leave.request.approved')).find((e) => e.subject === requestId)!;

  it('tells every caller the rules but a partner, as every domain but employees refuses one', async () => {
    expect(
      (await h.gql(READ_POLICIES, {}, { role: 'EMPLOYEE', sub: uuidv7() })).errors,
    ).toBeUndefined();
    const partner = await h.gql(
      READ_POLICIES,
      {},
      { role: 'PARTNER', sub: 'partner-y', scopes: [] },
    );
    expect(partner.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('judges a request made before a change by the old version and one made after by the new, each showing its own', async () => {
    const managerId = await h.hire();
    const id = await h.hire({ managerId });
    const before = await h.request(id, { startDate: '2025-11-12', endDate: '2025-11-12' });
    expect(before.errors).toBeUndefined();
    // ANNUAL v2, from an hour from now: 14 days' notice, and unpaid (to see which rules follow).
    await h.policyEvent(
      policyData('ANNUAL', 2, hoursAfterNow(1).toISOString(), { noticeDays: 14, paid: false }),
    );
    clock = hoursAfterNow(2);
    const refused = onlyError(
      await h.request(id, { startDate: '2025-11-13', endDate: '2025-11-13' }),
    );
    expect(refused.extensions).toMatchObject({ rule: 'NOTICE_PERIOD' });
    expect(refused.message).toMatch(/14 days' notice.*\(LEAVE\/ANNUAL v2\)$/);
    const after = await h.request(id, { startDate: '2025-11-17', endDate: '2025-11-17' });
    expect(after.errors).toBeUndefined();

    expect(await policyVersionOf(before.data.requestLeave.id)).toBe(1);
    expect(await policyVersionOf(after.data.requestLeave.id)).toBe(2);
    // Approving later follows each request's own version (v1 paid, v2 not).
    for (const reply of [before, after])
      await h.op(
        'ApproveLeave',
        { input: { id: reply.data.requestLeave.id } },
        asManager(managerId),
      );
    expect((await approvedEventOf(before.data.requestLeave.id)).data.paid).toBe(true);
    expect((await approvedEventOf(after.data.requestLeave.id)).data.paid).toBe(false);
    expect(await policyVersionOf(before.data.requestLeave.id)).toBe(1);
  });

  it('keeps a request made before a late-arriving change on the old version; the next request takes the new one', async () => {
    const managerId = await h.hire();
    const id = await h.hire({ managerId });
    const made = await h.request(id, {
      leaveType: 'CASUAL',
      startDate: '2025-11-05',
      endDate: '2025-11-05',
    });
    expect(made.errors).toBeUndefined();
    // In force since October, but its event reaches leave only now.
    await h.policyEvent(policyData('CASUAL', 2, '2025-10-01T00:00:00.000Z', { noticeDays: 10 }));

    expect(await policyVersionOf(made.data.requestLeave.id)).toBe(1);
    const approved = await h.op(
      'ApproveLeave',
      { input: { id: made.data.requestLeave.id } },
      asManager(managerId),
    );
    expect(approved.data.approveLeave.status).toBe('APPROVED');
    expect(await policyVersionOf(made.data.requestLeave.id)).toBe(1);

    const refused = onlyError(
      await h.request(id, { leaveType: 'CASUAL', startDate: '2025-11-06', endDate: '2025-11-06' }),
    );
    expect(refused.extensions!.policy).toEqual({ kind: 'LEAVE', key: 'CASUAL', version: 2 });
    const next = await h.request(id, {
      leaveType: 'CASUAL',
      startDate: '2025-11-20',
      endDate: '2025-11-20',
    });
    expect(await policyVersionOf(next.data.requestLeave.id)).toBe(2);
  });

  it('does not apply a change effective in the future before its instant', async () => {
    const id = await h.hire();
    const from = new Date('2025-11-02T12:00:00.000Z');
    await h.policyEvent(policyData('TOIL', 2, from.toISOString(), { noticeDays: 10 }));

    expect(await policyOf('TOIL')).toMatchObject({ version: 1, noticeDays: 2 });
    clock = new Date(from.getTime() - 1);
    const early = await h.request(id, {
      leaveType: 'TOIL',
      startDate: '2025-11-06',
      endDate: '2025-11-06',
    });
    expect(early.errors).toBeUndefined();
    expect(await policyVersionOf(early.data.requestLeave.id)).toBe(1);

    clock = from;
    expect(await policyOf('TOIL')).toMatchObject({
      version: 2,
      effectiveFrom: from.toISOString(),
      noticeDays: 10,
    });
    const refused = onlyError(
      await h.request(id, { leaveType: 'TOIL', startDate: '2025-11-07', endDate: '2025-11-07' }),
    );
    expect(refused.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'NOTICE_PERIOD',
      policy: { kind: 'LEAVE', key: 'TOIL', version: 2 },
    });
  });

  it('names the policy and version in every refusal: extensions.policy and the end of the message', async () => {
    const id = await h.hire();
    const error = onlyError(
      await h.request(id, {
        leaveType: 'PARENTAL',
        startDate: '2025-11-10',
        endDate: '2025-11-14',
      }),
    );
    expect(error.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'NOTICE_PERIOD',
      field: 'startDate',
      policy: { kind: 'LEAVE', key: 'PARENTAL', version: 1 },
    });
    expect(error.message).toMatch(/ \(LEAVE\/PARENTAL v1\)$/);
    const half = onlyError(
      await h.request(id, {
        leaveType: 'COMPASSIONATE',
        startDate: '2025-11-10',
        endDate: '2025-11-10',
        halfDayStart: true,
      }),
    );
    expect(half.extensions).toMatchObject({
      rule: 'HALF_DAY_NOT_ALLOWED',
      policy: { kind: 'LEAVE', key: 'COMPASSIONATE', version: 1 },
    });
  });

  it('applies the same policy event twice as once', async () => {
    const event = await h.policyEvent(
      policyData('UNPAID', 2, '2025-06-01T00:00:00.000Z', { noticeDays: 3 }),
    );
    const before = await h.snapshot();
    const policies = (await h.gql(READ_POLICIES)).data;
    await h.policyEvent(event);
    await h.policyEvent({ ...event });
    expect(await h.snapshot()).toEqual(before);
    expect((await h.gql(READ_POLICIES)).data).toEqual(policies);
    expect(await policyOf('UNPAID')).toMatchObject({ version: 2, noticeDays: 3 });
  });
});

describe('leave: balances under versioned LEAVE policies', () => {
  const h = suiteHarness(startLeave);

  it('gives a running leave year the version in force now and keeps a closed year on the version it ended with', async () => {
    const id = await h.hire({}, { startDate: '2024-04-01', endDate: '2026-03-31' });
    const annualOn = async (on: string) => {
      const reply = await h.entities(
        [{ __typename: 'Employee', id }],
        BALANCES,
        { on },
        '$on: Date!',
      );
      return reply.data!._entities[0].leaveBalances.find(
        (b: { leaveType: string }) => b.leaveType === 'ANNUAL',
      );
    };
    expect(await annualOn('2025-05-01')).toMatchObject({ entitlement: 25, carriedOver: 5 });
    // ANNUAL v2, in force since 1 October.
    await h.policyEvent(
      policyData('ANNUAL', 2, '2025-10-01T00:00:00.000Z', {
        entitlementDays: 30,
        carryOverCapDays: 8,
      }),
    );
    expect(await annualOn('2025-05-01')).toMatchObject({ entitlement: 30, carriedOver: 8 });
    expect(await annualOn('2024-05-01')).toMatchObject({
      leaveYearStart: '2024-04-01',
      entitlement: 25,
      carriedOver: 5,
    });
  });

  it.each(['0001-01-01', '2200-01-01'])('refuses balances on %s, naming on', async (on) => {
    const id = await h.hire();
    const reply = await h.entities(
      [{ __typename: 'Employee', id }],
      BALANCES,
      { on },
      '$on: Date!',
    );
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
  });
});

describe('leave: the compliance check of a leave request', () => {
  const h = suiteHarness(startLeave);

  const callerOf = (role: string, employeeId: string | null) => ({
    subject: employeeId ?? 'service:compliance',
    role,
    employeeId,
  });

  it('answers as requestLeave would, with the policy behind each refusal, and writes nothing', async () => {
    const managerId = await h.hire();
    const id = await h.hire({ managerId });
    const ok = {
      employeeId: id,
      leaveType: 'ANNUAL',
      startDate: '2025-11-17',
      endDate: '2025-11-18',
    };
    const late = { ...ok, startDate: '2025-11-03', endDate: '2025-11-03' };
    const before = await h.snapshot();

    expect(await h.complianceCheck({ caller: callerOf('EMPLOYEE', id), input: ok })).toEqual({
      allowed: true,
      findings: [],
    });
    const answer = await h.complianceCheck({ caller: callerOf('MANAGER', managerId), input: late });
    expect(await h.snapshot()).toEqual(before);

    const refused = onlyError(await h.request(id, late));
    expect(answer).toEqual({
      allowed: false,
      findings: [
        {
          rule: 'NOTICE_PERIOD',
          field: 'startDate',
          message: refused.message,
          severity: 'REFUSAL',
          policy: { kind: 'LEAVE', key: 'ANNUAL', version: 1 },
        },
      ],
    });
    expect((await h.request(id, ok)).data.requestLeave.status).toBe('PENDING');
  });

  it('lists every rule a request breaks', async () => {
    const id = await h.hire();
    const answer = await h.complianceCheck({
      caller: callerOf('HR', hr.sub!),
      input: {
        employeeId: id,
        leaveType: 'COMPASSIONATE',
        startDate: '2025-11-03',
        endDate: '2025-11-14',
        halfDayStart: true,
      },
    });
    expect(answer.allowed).toBe(false);
    expect(answer.findings.map((f) => f.rule)).toEqual([
      'HALF_DAY_NOT_ALLOWED',
      'MAX_CONSECUTIVE_DAYS',
      'INSUFFICIENT_BALANCE',
    ]);
  });

  it('refuses the question of a caller who may not ask, and bad input, as requestLeave refuses them', async () => {
    const id = await h.hire();
    const other = await h.hire();
    const input = {
      employeeId: id,
      leaveType: 'ANNUAL',
      startDate: '2025-11-17',
      endDate: '2025-11-17',
    };
    const before = await h.snapshot();
    expect(await h.complianceCheck({ caller: callerOf('EMPLOYEE', other), input })).toEqual({
      allowed: false,
      findings: [],
      refusal: { code: 'FORBIDDEN', message: expect.any(String), field: null },
    });
    expect(onlyError(await h.request(id, input, asEmployee(other))).extensions!.code).toBe(
      'FORBIDDEN',
    );
    const bad = [
      [{ ...input, endDate: '2025-11-16' }, 'endDate'],
      [{ ...input, startDate: '17/11/2025' }, 'startDate'],
      [{ ...input, leaveType: 'SABBATICAL' }, 'leaveType'],
      [{ ...input, reason: 'x'.repeat(1001) }, 'reason'],
      [{ ...input, employeeId: 'e'.repeat(129) }, 'employeeId'],
      [{ ...input, halfDayStart: 'yes' }, 'halfDayStart'],
      [{ ...input, salary: 1 }, 'salary'],
    ] as const;
    for (const [wrong, field] of bad)
      expect(
        (await h.complianceCheck({ caller: callerOf('EMPLOYEE', id), input: wrong })).refusal,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await h.complianceCheck({ caller: { role: 'ROOT' }, input })).refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caller.subject',
    });
    expect(await h.snapshot()).toEqual(before);
  });
});
