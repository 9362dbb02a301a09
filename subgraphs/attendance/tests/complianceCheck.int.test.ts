import { type CheckingCaller, COMPLIANCE_CHECKS, type PolicyRef } from '../../../runtime';
import { attendance } from '../src';
import { DAY, MANUAL, POLICY_V2, at, hr, describeAttendance } from './support';
import { complianceAsker, findingOf } from '../../../test-support/complianceAsker';

/** After v2 took effect (a Thursday). */
const LATER = '2025-06-12';
const V2: PolicyRef = { kind: 'ATTENDANCE', key: 'DEFAULT', version: 2 };

describeAttendance('attendance: the compliance check of a manual entry writes nothing', (h) => {
  let managerId: string;
  let employeeId: string;
  const manager = (): CheckingCaller => ({
    subject: managerId,
    role: 'MANAGER',
    employeeId: managerId,
  });

  beforeAll(async () => {
    managerId = await h.hire();
    employeeId = await h.hire({ managerId });
    await h.feed('compliance.policy.updated', POLICY_V2);
  });

  const ask = complianceAsker(h, attendance, COMPLIANCE_CHECKS.attendanceDay);
  const day = (date: string, checkIn: string, checkOut?: string) => ({
    employeeId,
    date,
    checkIn: at(date, checkIn),
    ...(checkOut && { checkOut: at(date, checkOut) }),
  });

  it('allows a full day on time with no warnings', async () => {
    expect(await ask(manager(), day(DAY, '09:00', '17:00'))).toEqual({
      allowed: true,
      findings: [],
    });
  });

  it('warns of lateness under v2’s shorter grace, naming v2; not under v1', async () => {
    expect((await ask(manager(), day(DAY, '09:07', '17:00'))).findings).toEqual([]);
    const answer = await ask(manager(), day(LATER, '09:07', '17:00'));
    expect(answer).toEqual({
      allowed: true,
      findings: [findingOf('LATE_ARRIVAL', 'checkIn', 'WARNING', V2)],
    });
  });

  it('warns of an early exit and a half day below the threshold', async () => {
    const answer = await ask(manager(), day(LATER, '09:00', '12:00'));
    expect(answer.findings.map((f) => [f.rule, f.severity, f.policy])).toEqual([
      ['EARLY_EXIT', 'WARNING', V2],
      ['HALF_DAY', 'WARNING', V2],
    ]);
  });

  it('refuses an entry overlapping a recorded one, as the mutation does', async () => {
    const recorded = await h.gql(
      MANUAL,
      {
        input: {
          employeeId,
          checkInTime: at('2025-06-13', '09:00'),
          checkOutTime: at('2025-06-13', '12:00'),
          reason: 'Badge reader was down',
        },
      },
      hr,
    );
    expect(recorded.errors).toBeUndefined();
    expect(await ask(manager(), day('2025-06-13', '11:00', '17:00'))).toEqual({
      allowed: false,
      findings: [
        expect.objectContaining({ rule: 'ENTRY_OVERLAP', severity: 'REFUSAL', field: 'checkIn' }),
      ],
    });
  });

  it('refuses the question of a caller who may not record it: the employee themself', async () => {
    const self: CheckingCaller = { subject: employeeId, role: 'EMPLOYEE', employeeId };
    expect(await ask(self, day(DAY, '09:00', '17:00'))).toEqual({
      allowed: false,
      findings: [],
      refusal: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
  });

  it('refuses a check-out before the check-in, and a date that is not the check-in’s', async () => {
    const backwards = await ask(manager(), day(DAY, '17:00', '09:00'));
    expect(backwards.refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checkOut' });
    const elsewhere = await ask(manager(), { ...day(DAY, '09:00', '17:00'), date: LATER });
    expect(elsewhere.refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});
