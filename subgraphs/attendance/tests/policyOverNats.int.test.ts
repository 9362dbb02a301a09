import { v7 as uuidv7 } from 'uuid';
import { COMPLIANCE_CHECKS, type ComplianceAnswer, createOwnerAsker } from '../../../runtime';
import { foreignEvent } from '../../../test-support/startSubgraph';
import { waitFor } from '../../../test-support/waitFor';
import { EmployeeCopySchema, PolicyCopySchema } from '../src/entities';
import { POLICY_V2, at, createdData, startOverNats } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('attendance: compliance’s policy over NATS, and its question answered there', () => {
  const served = suiteHarness(() => startOverNats('attendance-policy-test'));

  it('keeps a version delivered twice once, and judges by it when asked', async () => {
    await served.publish(
      foreignEvent('compliance.policy.updated', POLICY_V2, 'ATTENDANCE:DEFAULT'),
      2,
    );
    const employeeId = uuidv7();
    // Published after the policy: once the employee is in, the policy was handled too.
    await served.publish(foreignEvent('employees.employee.created', createdData(employeeId)));
    const em = () => served.h.runtime.orm.em.fork();
    await waitFor(async () => (await em().findOne(EmployeeCopySchema, employeeId)) ?? undefined);
    await waitFor(async () => ((await em().count(PolicyCopySchema, {})) > 0 ? true : undefined));
    expect(await em().find(PolicyCopySchema, {})).toEqual([
      expect.objectContaining({ kind: 'ATTENDANCE', version: 2 }),
    ]);

    const ask = createOwnerAsker(served.nats.nc, served.namespace);
    const answer = (await ask(COMPLIANCE_CHECKS.attendanceDay, {
      caller: { subject: 'hr-1', role: 'HR', employeeId: null },
      input: {
        employeeId,
        date: '2025-06-12',
        checkIn: at('2025-06-12', '09:07'),
        checkOut: at('2025-06-12', '17:00'),
      },
    })) as ComplianceAnswer;
    expect(answer).toEqual({
      allowed: true,
      findings: [
        expect.objectContaining({
          rule: 'LATE_ARRIVAL',
          severity: 'WARNING',
          policy: { kind: 'ATTENDANCE', key: 'DEFAULT', version: 2 },
        }),
      ],
    });
  });
});
