import { onlyError, type Caller } from '../../../test-support/startSubgraph';
import { policyInForceAt } from '../src/policies';
import { NOW, admin, asEmployee, asManager, auditor, hr, startCompliance } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const POLICY = `kind key version effectiveFrom inForce changedBy reason
  leave { entitlementDays noticeDays carryOverCapDays carryOverExpiryMonths maxConsecutiveDays }
  attendance { graceMinutes halfDayMinutes defaultShiftMinutes workdayStart }
  workingTime { maxEntryMinutes dailyOvertimeCapMinutes minimumBreakAfterMinutes minimumBreakMinutes }
  retention { auditRetentionDays }`;

const POLICIES = `query ($kind: PolicyKind, $at: DateTime) {
  compliancePolicies(kind: $kind, at: $at) { ${POLICY} } }`;
const HISTORY = `query ($kind: PolicyKind!, $key: String) {
  compliancePolicyHistory(kind: $kind, key: $key) { ${POLICY} } }`;
const UPDATE = `mutation ($input: UpdateCompliancePolicyInput!) {
  updateCompliancePolicy(input: $input) { ${POLICY} } }`;

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number, from = NOW) => new Date(from.getTime() + days * DAY).toISOString();

describe('compliance policies: versions, effective dating, who may change them', () => {
  /** The subgraph's clock; a test moves it to see a scheduled version come into force. */
  let clock = NOW;

  const h = suiteHarness(() => startCompliance({ now: () => clock }));
  afterEach(() => {
    clock = NOW;
  });

  const policies = async (variables: Record<string, unknown> = {}, caller: Caller = hr) => {
    const reply = await h.gql(POLICIES, variables, caller);
    expect(reply.errors).toBeUndefined();
    return reply.data!.compliancePolicies as Record<string, any>[];
  };
  const policy = async (kind: string, key: string, at?: string) =>
    (await policies({ kind, at })).find((p) => p.key === key)!;
  const history = async (kind: string, key?: string, caller: Caller = hr) => {
    const reply = await h.gql(HISTORY, { kind, key }, caller);
    expect(reply.errors).toBeUndefined();
    return reply.data!.compliancePolicyHistory as Record<string, any>[];
  };
  const update = (input: Record<string, unknown>, caller: Caller = hr) =>
    h.gql(UPDATE, { input }, caller);
  const updated = async (input: Record<string, unknown>, caller: Caller = hr) => {
    const reply = await update(input, caller);
    expect(reply.errors).toBeUndefined();
    return reply.data!.updateCompliancePolicy as Record<string, any>;
  };
  const refusal = async (input: Record<string, unknown>) =>
    onlyError(await update(input)).extensions;

  it('starts every policy at version 1, the defaults, in force since the epoch', async () => {
    const all = await policies({}, asEmployee('0190a3c4-0000-7000-8000-0000000000e1'));
    expect(all.map((p) => `${p.kind}/${p.key}`)).toEqual([
      'LEAVE/ANNUAL',
      'LEAVE/SICK',
      'LEAVE/CASUAL',
      'LEAVE/COMPASSIONATE',
      'LEAVE/PARENTAL',
      'LEAVE/UNPAID',
      'LEAVE/TOIL',
      'ATTENDANCE/DEFAULT',
      'WORKING_TIME/DEFAULT',
      'RETENTION/DEFAULT',
    ]);
    for (const p of all)
      expect(p).toMatchObject({
        version: 1,
        effectiveFrom: '1970-01-01T00:00:00.000Z',
        inForce: true,
        changedBy: null,
        reason: null,
      });
    expect(all[0]).toMatchObject({ leave: { entitlementDays: 25, carryOverCapDays: 5 } });
    expect(all[0]).toMatchObject({ attendance: null, workingTime: null, retention: null });
    expect(all[9]).toMatchObject({ retention: { auditRetentionDays: 365 }, leave: null });
  });

  it("takes version 1 from the deployment's setting variables", async () => {
    const before = process.env.TIME_MAX_ENTRY_MINUTES;
    process.env.TIME_MAX_ENTRY_MINUTES = '720';
    try {
      const [workingTime] = await policies({ kind: 'WORKING_TIME' });
      expect(workingTime).toMatchObject({ version: 1, workingTime: { maxEntryMinutes: 720 } });
    } finally {
      if (before === undefined) delete process.env.TIME_MAX_ENTRY_MINUTES;
      else process.env.TIME_MAX_ENTRY_MINUTES = before;
    }
  });

  it('adds a version over the newest one and keeps every version in the history', async () => {
    const v2 = await updated({
      kind: 'LEAVE',
      key: 'ANNUAL',
      leave: { noticeDays: 14 },
      reason: '  Two weeks, as agreed.  ',
    });
    expect(v2).toMatchObject({
      kind: 'LEAVE',
      key: 'ANNUAL',
      version: 2,
      effectiveFrom: NOW.toISOString(),
      inForce: true,
      changedBy: hr.sub,
      reason: 'Two weeks, as agreed.',
      leave: { noticeDays: 14, entitlementDays: 25, carryOverCapDays: 5 },
    });
    clock = new Date(NOW.getTime() + 60 * 60 * 1000);
    const v3 = await updated(
      { kind: 'LEAVE', key: 'ANNUAL', leave: { maxConsecutiveDays: null } },
      admin,
    );
    expect(v3).toMatchObject({ version: 3, changedBy: admin.sub, reason: null });
    expect(v3.leave).toMatchObject({ noticeDays: 14, maxConsecutiveDays: null });
    expect(await policy('LEAVE', 'ANNUAL')).toMatchObject({ version: 3, inForce: true });

    const versions = await history('LEAVE', 'ANNUAL', auditor);
    expect(versions.map((p) => [p.version, p.inForce, p.leave.noticeDays])).toEqual([
      [1, false, 7],
      [2, false, 14],
      [3, true, 14],
    ]);
    // Another policy of the kind is untouched.
    expect(await policy('LEAVE', 'CASUAL')).toMatchObject({ version: 1 });
  });

  it('puts a scheduled version in force at its instant only, and `at` reads the past', async () => {
    const from = inDays(30);
    const scheduled = await updated({
      kind: 'ATTENDANCE',
      effectiveFrom: from,
      attendance: { graceMinutes: 5, workdayStart: '08:30' },
    });
    expect(scheduled).toMatchObject({ version: 2, effectiveFrom: from, inForce: false });
    expect(await policy('ATTENDANCE', 'DEFAULT')).toMatchObject({
      version: 1,
      inForce: true,
      attendance: { graceMinutes: 10, workdayStart: '09:00' },
    });
    expect(await policy('ATTENDANCE', 'DEFAULT', inDays(31))).toMatchObject({
      version: 2,
      inForce: false,
      attendance: { graceMinutes: 5, workdayStart: '08:30' },
    });
    expect((await history('ATTENDANCE')).map((p) => [p.version, p.inForce])).toEqual([
      [1, true],
      [2, false],
    ]);

    // What a finding judged at an instant names, read from the same store.
    const em = h.runtime.orm.em.fork();
    expect(await policyInForceAt(em, 'ATTENDANCE', 'DEFAULT', new Date(from))).toMatchObject({
      version: 2,
      rules: { graceMinutes: 5 },
    });
    expect(await policyInForceAt(em, 'ATTENDANCE', 'DEFAULT', NOW)).toMatchObject({ version: 1 });

    clock = new Date(new Date(from).getTime() - 1);
    expect(await policy('ATTENDANCE', 'DEFAULT')).toMatchObject({ version: 1 });
    clock = new Date(from);
    expect(await policy('ATTENDANCE', 'DEFAULT')).toMatchObject({ version: 2, inForce: true });
    // Looking back reads the version that was in force then, and says it is not any more.
    expect(await policy('ATTENDANCE', 'DEFAULT', inDays(-1))).toMatchObject({
      version: 1,
      inForce: false,
      attendance: { graceMinutes: 10 },
    });
  });

  it('records the change as compliance.policy.updated with the whole version and the one before', async () => {
    await updated({ kind: 'LEAVE', key: 'CASUAL', leave: { entitlementDays: 6 } });
    const from = inDays(10);
    await updated({
      kind: 'LEAVE',
      key: 'CASUAL',
      effectiveFrom: from,
      leave: { noticeDays: 3 },
      reason: 'Longer notice.',
    });
    const events = await h.eventsAbout('LEAVE:CASUAL', 'compliance.policy.updated');
    expect(events).toHaveLength(2);
    const [second, third] = events;
    expect(second!.data).toMatchObject({
      version: 2,
      rules: { entitlementDays: 6, noticeDays: 1 },
    });
    expect(third).toMatchObject({
      source: '/subgraphs/compliance',
      actor: hr.sub,
      data: {
        kind: 'LEAVE',
        key: 'CASUAL',
        version: 3,
        effectiveFrom: from,
        reason: 'Longer notice.',
        rules: { entitlementDays: 6, noticeDays: 3, paid: true, enabled: true },
        previous: { entitlementDays: 6, noticeDays: 1 },
      },
    });
    expect(Object.keys(third!.data.rules as object)).toHaveLength(12);
  });

  it('never gives two racing changes the same version', async () => {
    const changes = [
      { kind: 'LEAVE', key: 'TOIL', effectiveFrom: inDays(1), leave: { noticeDays: 3 } },
      { kind: 'LEAVE', key: 'TOIL', effectiveFrom: inDays(2), leave: { maxConsecutiveDays: 4 } },
    ];
    const replies = await Promise.all(changes.map((input) => update(input)));
    const versions = replies.flatMap((r) =>
      r.data ? [r.data.updateCompliancePolicy.version] : [],
    );
    const refusals = replies.flatMap((r) => (r.errors ?? []).map((e) => e.extensions));
    // A loser is told of the clash, or (when the later-dated change was written before it
    // even read) that it would start before the newest version, as a change after it would.
    for (const refusal of refusals)
      expect([
        { code: 'CONFLICT', reason: 'VERSION_CONFLICT' },
        { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.effectiveFrom' },
      ]).toContainEqual(expect.objectContaining(refusal));
    expect(versions.length + refusals.length).toBe(2);
    expect(versions.length).toBeGreaterThan(0);
    expect([...versions].sort()).toEqual([2, 3].slice(0, versions.length));
    const stored = (await history('LEAVE', 'TOIL')).map((p) => p.version);
    expect(stored).toEqual([1, 2, 3].slice(0, 1 + versions.length));
    const events = await h.events('compliance.policy.updated');
    expect(events.filter((e) => e.subject === 'LEAVE:TOIL')).toHaveLength(versions.length);
  });

  it.each([
    [
      'a carry-over cap above the entitlement',
      { kind: 'LEAVE', key: 'ANNUAL', effectiveFrom: inDays(90), leave: { carryOverCapDays: 30 } },
      'input.leave.carryOverCapDays',
      /carry-over cap \(30 days\).*entitlement \(25 days\)/,
    ],
    [
      'a grace as long as the shift',
      {
        kind: 'ATTENDANCE',
        effectiveFrom: inDays(90),
        attendance: { graceMinutes: 200, defaultShiftMinutes: 200, halfDayMinutes: 100 },
      },
      'input.attendance.graceMinutes',
      /grace \(200 min\) must be shorter than the shift \(200 min\)/,
    ],
    [
      'a break due after the longest entry',
      { kind: 'WORKING_TIME', workingTime: { maxEntryMinutes: 360 } },
      'input.workingTime.minimumBreakAfterMinutes',
      /never be due/,
    ],
    [
      'a value out of bounds',
      { kind: 'LEAVE', key: 'SICK', leave: { noticeDays: 400 } },
      'input.leave.noticeDays',
      /noticeDays must be a whole number from 0 to 365/,
    ],
    [
      'a null where a value is needed',
      { kind: 'LEAVE', key: 'SICK', leave: { entitlementDays: null } },
      'input.leave.entitlementDays',
      /entitlementDays must be a whole number/,
    ],
    [
      'a retention of no days',
      { kind: 'RETENTION', retention: { auditRetentionDays: 0 } },
      'input.retention.auditRetentionDays',
      /from 1 to 36500/,
    ],
    [
      'a clock time that is none',
      { kind: 'ATTENDANCE', effectiveFrom: inDays(90), attendance: { workdayStart: '25:00' } },
      'input.attendance.workdayStart',
      /HH:MM/,
    ],
    [
      'an unknown leave type',
      { kind: 'LEAVE', key: 'SABBATICAL', leave: { noticeDays: 3 } },
      'input.key',
      /ANNUAL, SICK/,
    ],
    [
      'a LEAVE policy without a leave type',
      { kind: 'LEAVE', leave: { noticeDays: 3 } },
      'input.key',
      /key is one of/,
    ],
    [
      'a leave type as the key of another kind',
      { kind: 'RETENTION', key: 'ANNUAL', retention: { auditRetentionDays: 30 } },
      'input.key',
      /DEFAULT/,
    ],
    [
      'the rules of another kind',
      { kind: 'LEAVE', key: 'ANNUAL', leave: { noticeDays: 3 }, attendance: { graceMinutes: 5 } },
      'input.attendance',
      /with `leave` only/,
    ],
    [
      'no rules of the kind',
      { kind: 'WORKING_TIME', reason: 'nothing' },
      'input.workingTime',
      /Give the changes/,
    ],
    [
      'an effectiveFrom in the past',
      { kind: 'RETENTION', effectiveFrom: inDays(-1 / 24), retention: { auditRetentionDays: 30 } },
      'input.effectiveFrom',
      /may not be in the past/,
    ],
    [
      // One scheduled that far would hold back every later change of the policy.
      'an effectiveFrom more than 366 days ahead',
      { kind: 'RETENTION', effectiveFrom: inDays(367), retention: { auditRetentionDays: 400 } },
      'input.effectiveFrom',
      /at most 366 days ahead/,
    ],
    [
      'an effectiveFrom in year 9999',
      {
        kind: 'RETENTION',
        effectiveFrom: '9999-01-01T00:00:00Z',
        retention: { auditRetentionDays: 400 },
      },
      'input.effectiveFrom',
      /RFC 3339/,
    ],
    [
      'an effectiveFrom that is no instant',
      {
        kind: 'RETENTION',
        effectiveFrom: '2026-02-30T00:00:00Z',
        retention: { auditRetentionDays: 30 },
      },
      'input.effectiveFrom',
      /RFC 3339/,
    ],
    [
      'a change that changes nothing',
      { kind: 'LEAVE', key: 'SICK', leave: { noticeDays: 0, paid: true } },
      'input',
      /leaves LEAVE\/SICK v1 as it is/,
    ],
  ])('refuses %s naming the field', async (_what, input, field, message) => {
    const before = (await h.events('compliance.policy.updated')).length;
    const error = await refusal(input);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const reply = await update(input);
    expect(reply.errors![0]!.message).toMatch(message);
    expect(await h.events('compliance.policy.updated')).toHaveLength(before);
  });

  it('allows a small clock skew for "now"', async () => {
    const v2 = await updated({
      kind: 'LEAVE',
      key: 'PARENTAL',
      effectiveFrom: new Date(NOW.getTime() - 500).toISOString(),
      leave: { noticeDays: 56 },
    });
    expect(v2).toMatchObject({ version: 2, inForce: true });
  });

  it('refuses a version that does not start after the newest one', async () => {
    await updated({
      kind: 'WORKING_TIME',
      effectiveFrom: inDays(10),
      workingTime: { minimumBreakMinutes: 45 },
    });
    for (const effectiveFrom of [inDays(5), inDays(10)]) {
      const error = await refusal({
        kind: 'WORKING_TIME',
        effectiveFrom,
        workingTime: { minimumBreakMinutes: 20 },
      });
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveFrom' });
    }
    // A change without an instant would start now, before the scheduled one: refused too.
    expect(
      await refusal({ kind: 'WORKING_TIME', workingTime: { futureStartDays: 1 } }),
    ).toMatchObject({ field: 'input.effectiveFrom' });
    const v3 = await updated({
      kind: 'WORKING_TIME',
      effectiveFrom: inDays(11),
      workingTime: { minimumBreakMinutes: 20 },
    });
    expect(v3.workingTime).toMatchObject({ minimumBreakMinutes: 20 });
    expect((await history('WORKING_TIME')).map((p) => p.version)).toEqual([1, 2, 3]);
  });

  it.each<[string, Caller]>([
    ['EMPLOYEE', asEmployee('0190a3c4-0000-7000-8000-0000000000e2')],
    ['MANAGER', asManager('0190a3c4-0000-7000-8000-0000000000e3')],
    ['AUDITOR', auditor],
    ['FINANCE', { role: 'FINANCE', sub: '0190a3c4-0000-7000-8000-0000000000e4' }],
    ['SYSTEM', { role: 'SYSTEM', sub: 'service:scheduler' }],
  ])('lets only HR and ADMIN change a policy, not %s', async (_role, caller) => {
    const reply = await update({ kind: 'LEAVE', key: 'UNPAID', leave: { noticeDays: 10 } }, caller);
    expect(onlyError(reply).extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets anyone but a partner read the policies, and HR, ADMIN and AUDITOR their history', async () => {
    const partner: Caller = { role: 'PARTNER', sub: 'partner-app', scopes: ['employees:read'] };
    expect(onlyError(await h.gql(POLICIES, {}, partner)).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await policies({ kind: 'RETENTION' }, asManager('0190a3c4-0000-7000-8000-0000000000e5')),
    ).toHaveLength(1);
    for (const caller of [asEmployee('0190a3c4-0000-7000-8000-0000000000e6'), partner]) {
      const reply = await h.gql(HISTORY, { kind: 'RETENTION' }, caller);
      expect(onlyError(reply).extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await history('RETENTION', undefined, admin)).toHaveLength(1);
  });

  it('refuses a bad instant or key in the queries naming the argument', async () => {
    expect(onlyError(await h.gql(POLICIES, { at: 'yesterday' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'at',
    });
    expect(
      onlyError(await h.gql(HISTORY, { kind: 'LEAVE', key: 'DEFAULT' })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
  });
});
