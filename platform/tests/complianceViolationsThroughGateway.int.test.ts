import { v7 as uuidv7 } from 'uuid';
import { compliance } from '../../subgraphs/compliance/src';
import { employees } from '../../subgraphs/employees/src';
import { createNotifications } from '../../subgraphs/notifications/src';
import { time } from '../../subgraphs/time/src';
import { contractOperation as op } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const VIOLATIONS = `
  query ($filter: ComplianceViolationFilter) {
    complianceViolations(filter: $filter) {
      nodes { id employeeId rule message fromDate status policy { kind key version } }
    }
  }`;

// Compliance end to end over the real NATS: HR records time under an exception, time's
// event reaches compliance, which records the violation, and notifications tells HR and
// the employee's manager.
describe('compliance violations through the gateway', () => {
  const hrId = uuidv7();
  const hr = { role: 'HR' as const, sub: hrId };
  const tp = platformSuite({
    only: [employees, time, compliance, createNotifications({ hrRecipientIds: [hrId] })],
  });

  it('turns time recorded under HR’s exception into a violation HR lists and the manager hears of', async () => {
    const manager = await createPerson(tp, 'Maya', 'Okafor', { jobTitle: 'Ward Manager' });
    const nurse = await createPerson(tp, 'Aisha', 'Khan', { managerId: manager.id });
    const input = {
      employeeId: nurse.id,
      periodType: 'OVERTIME',
      startTime: '2025-10-30T17:00:00Z',
      endTime: '2025-10-30T22:10:00Z',
      complianceException: { rules: ['DAILY_OVERTIME_CAP'], reason: 'Covering a sick colleague' },
    };
    // Time must have heard of the nurse before it takes her time.
    await waitFor(async () => {
      const reply = await tp.graphql(op('RecordTimeEntry'), { input }, hr);
      return reply.errors ? undefined : reply.data!.recordTimeEntry;
    });

    const [violation] = await waitFor(async () => {
      const reply = await tp.graphql(VIOLATIONS, { filter: { employeeId: nurse.id } }, hr);
      if (reply.errors) throw new Error(JSON.stringify(reply.errors));
      const nodes = reply.data!.complianceViolations.nodes;
      return nodes.length ? nodes : undefined;
    });
    expect(violation).toMatchObject({
      employeeId: nurse.id,
      rule: 'HR_EXCEPTION',
      fromDate: '2025-10-30',
      status: 'OPEN',
      policy: { kind: 'WORKING_TIME', key: 'DEFAULT', version: 1 },
      message:
        'HR recorded time on 2025-10-30 under an exception to the daily overtime cap (WORKING_TIME v1). Reason: Covering a sick colleague',
    });

    const told = (caller: { role: 'HR' | 'MANAGER'; sub: string }) =>
      waitFor(async () => {
        const reply = await tp.graphql(op('MyNotifications'), {}, caller);
        const nodes = (reply.data?.myNotifications.nodes ?? []) as { type: string }[];
        return nodes.find((n) => n.type === 'COMPLIANCE_VIOLATION');
      });
    const expected = {
      title: 'Compliance: Aisha Khan, working-time exception recorded',
      body: `Aisha Khan: ${violation.message}`,
    };
    expect(await told({ role: 'MANAGER', sub: manager.id })).toMatchObject(expected);
    expect(await told(hr)).toMatchObject(expected);
  });
});
