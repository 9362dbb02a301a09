import {
  type CheckingCaller,
  COMPLIANCE_CHECKS,
  DEFAULT_WORKING_TIME_RULES,
  type PolicyRef,
} from '../../../runtime';
import { time } from '../src';
import { hr, startTime } from './support';
import { complianceAsker, findingOf } from '../../../test-support/complianceAsker';
import { suiteHarness } from '../../../test-support/suiteHarness';

const HR: CheckingCaller = { subject: hr.sub!, role: 'HR', employeeId: hr.sub! };
const POLICY_V2: PolicyRef = { kind: 'WORKING_TIME', key: 'DEFAULT', version: 2 };

describe('time: the compliance check answers what a write would decide, writing nothing', () => {
  const h = suiteHarness(startTime);
  let employeeId: string;
  const self = (): CheckingCaller => ({ subject: employeeId, role: 'EMPLOYEE', employeeId });

  beforeAll(async () => {
    employeeId = await h.hire();
    await h.policyEvent({
      kind: 'WORKING_TIME',
      key: 'DEFAULT',
      version: 2,
      effectiveFrom: new Date(Date.now() - 60_000).toISOString(),
      rules: { ...DEFAULT_WORKING_TIME_RULES, maxEntryMinutes: 10 * 60 },
      previous: DEFAULT_WORKING_TIME_RULES,
      reason: null,
    });
  });

  const ask = complianceAsker(h, time, COMPLIANCE_CHECKS.timeEntry);
  const entry = (day: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
    employeeId,
    periodType: 'SHIFT',
    startTime: `${day}T${from}:00Z`,
    endTime: `${day}T${to}:00Z`,
    mealBreakMinutes: 45,
    ...extra,
  });

  it('allows an entry the rules allow', async () => {
    expect(await ask(self(), entry('2025-04-01', '08:00', '16:00'))).toEqual({
      allowed: true,
      findings: [],
    });
  });

  it('lists every rule the entry breaks, each naming the policy version', async () => {
    const answer = await ask(
      self(),
      entry('2025-04-02', '06:00', '17:00', { mealBreakMinutes: 0 }),
    );
    expect(answer.allowed).toBe(false);
    expect(answer.findings).toEqual([
      findingOf('MAX_ENTRY_LENGTH', 'endTime', 'REFUSAL', POLICY_V2),
      findingOf('MINIMUM_BREAK', 'mealBreakMinutes', 'REFUSAL', POLICY_V2),
    ]);
  });

  it('gives the same first reason the write gives', async () => {
    const input = entry('2025-04-03', '06:00', '17:00');
    const answer = await ask(self(), input);
    const write = await h.op('RecordTimeEntry', { input }, { role: 'EMPLOYEE', sub: employeeId });
    expect(write.errors![0].extensions).toMatchObject({
      rule: answer.findings[0].rule,
      policy: answer.findings[0].policy,
    });
    expect(write.errors![0].message).toBe(answer.findings[0].message);
  });

  it('refuses an overlap with a recorded entry, without a policy', async () => {
    const recorded = await h.op(
      'RecordTimeEntry',
      { input: entry('2025-04-04', '08:00', '12:00') },
      hr,
    );
    expect(recorded.errors).toBeUndefined();
    const answer = await ask(HR, entry('2025-04-04', '11:00', '15:00'));
    expect(answer).toEqual({
      allowed: false,
      findings: [expect.objectContaining({ rule: 'TIME_ENTRY_OVERLAP', policy: null })],
    });
  });

  it('checks an amend given entryId and expectedVersion', async () => {
    const recorded = (
      await h.op('RecordTimeEntry', { input: entry('2025-04-07', '08:00', '12:00') }, hr)
    ).data!.recordTimeEntry;
    const longer = { entryId: recorded.id, expectedVersion: 1, endTime: '2025-04-07T19:00:00Z' };
    expect((await ask(self(), longer)).findings).toEqual([
      expect.objectContaining({ rule: 'MAX_ENTRY_LENGTH', policy: POLICY_V2 }),
    ]);
    const shorter = { ...longer, endTime: '2025-04-07T13:00:00Z' };
    expect(await ask(self(), shorter)).toEqual({ allowed: true, findings: [] });
    expect((await ask(self(), { ...shorter, expectedVersion: 3 })).findings).toEqual([
      expect.objectContaining({ rule: 'VERSION_CONFLICT', field: 'expectedVersion' }),
    ]);
  });

  it('refuses the question of a caller who may not write that time', async () => {
    const colleague = await h.hire();
    const caller = { subject: colleague, role: 'EMPLOYEE', employeeId: colleague } as const;
    expect(await ask(caller, entry('2025-04-08', '08:00', '12:00'))).toEqual({
      allowed: false,
      findings: [],
      refusal: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
  });

  it('refuses bad input as the write would, naming the field', async () => {
    const answer = await ask(self(), entry('2025-04-09', '08:00', '12:00', { startTime: 'soon' }));
    expect(answer.refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startTime' });
    const noCaller = await ask(
      { role: 'HR' } as CheckingCaller,
      entry('2025-04-09', '08:00', '12:00'),
    );
    expect(noCaller.refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caller.subject' });
  });
});
