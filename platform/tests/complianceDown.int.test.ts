import { DateTime } from 'luxon';
import { createEvent, InboxEntry, subjectFor } from '../../messaging';
import { DEFAULT_LEAVE_RULES, DEFAULT_WORKING_TIME_RULES, POLICY_UPDATED } from '../../runtime';
import { agreements } from '../../subgraphs/agreements/src';
import { employees } from '../../subgraphs/employees/src';
import { leave } from '../../subgraphs/leave/src';
import { time } from '../../subgraphs/time/src';
import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { natsSuite } from '../../test-support/natsSuite';
import { platformSuite } from '../../test-support/platformSuite';
import { onlyPolicyRefusal } from '../../test-support/policyRefusal';
import { waitFor } from '../../test-support/waitFor';
import { nextWorkingDays } from '../../test-support/workingDays';

// Compliance is not served at all here: it is down for the whole suite. Its events were
// published before it went down; leave and time decide with the copies those events built.
const modules = [employees, agreements, time, leave];

const today = () => DateTime.now().setZone('Europe/London').startOf('day');

describe('leave and time decide with their copies while compliance is down', () => {
  const tp = platformSuite({ only: modules });
  const nats = natsSuite('compliance-down-test');
  const employee = hireBeforeAll(tp, 'Dana', 'Copy');
  const asEmployee = () => ({ role: 'EMPLOYEE' as const, sub: employee.id });

  /**
   * Publishes version 2 of a policy as compliance would have, in force from an hour ago,
   * and waits until `consumer` has taken it.
   */
  async function publishVersion2(
    consumer: string,
    [kind, key]: [string, string],
    previous: object,
    changes: object,
  ) {
    const data = {
      kind,
      key,
      version: 2,
      effectiveFrom: new Date(Date.now() - 3_600_000).toISOString(),
      rules: { ...previous, ...changes },
      previous,
      reason: 'Published before compliance went down.',
    };
    const event = createEvent(
      { type: POLICY_UPDATED, subject: `${kind}:${key}`, data },
      { source: '/subgraphs/compliance', correlationId: `down-${kind}` },
    );
    await nats.js.publish(subjectFor(POLICY_UPDATED, tp.namespace), JSON.stringify(event), {
      msgID: event.id,
      // A busy machine may take longer than the 5 s default to acknowledge a publish.
      timeout: 60_000,
    });
    const inbox = () =>
      tp.platform.runtimes[consumer].orm.em.fork().count(InboxEntry, { eventId: event.id });
    await waitFor(async () => ((await inbox()) > 0 ? true : undefined));
  }

  it('refuses leave by the LEAVE version it holds, naming it', async () => {
    await publishVersion2('leave', ['LEAVE', 'ANNUAL'], DEFAULT_LEAVE_RULES.ANNUAL, {
      noticeDays: 30,
    });
    // Under version 1 (7 days' notice) ten days ahead would give notice enough.
    const day = nextWorkingDays(today().plus({ days: 10 }), 1)[0]!.toISODate();
    const input = { employeeId: employee.id, leaveType: 'ANNUAL', startDate: day, endDate: day };
    const result = await tp.graphql(op('RequestLeave'), { input }, asEmployee());
    const refusal = onlyPolicyRefusal(result, {
      policy: { kind: 'LEAVE', key: 'ANNUAL', version: 2 },
    });
    expect(refusal.message).toMatch(/\(LEAVE\/ANNUAL v2\)$/);
  });

  it('refuses overtime over the cap of the WORKING_TIME version it holds, and takes what fits', async () => {
    await publishVersion2('time', ['WORKING_TIME', 'DEFAULT'], DEFAULT_WORKING_TIME_RULES, {
      dailyOvertimeCapMinutes: 60,
    });
    const start = today().minus({ days: 1 }).set({ hour: 18 });
    const entry = (hours: number) => ({
      employeeId: employee.id,
      periodType: 'OVERTIME',
      startTime: start.toISO(),
      endTime: start.plus({ hours }).toISO(),
    });
    const refused = await tp.graphql(op('RecordTimeEntry'), { input: entry(2) }, asEmployee());
    onlyPolicyRefusal(refused, {
      rule: 'DAILY_OVERTIME_CAP',
      policy: { kind: 'WORKING_TIME', key: 'DEFAULT', version: 2 },
    });
    const fits = await tp.graphql(op('RecordTimeEntry'), { input: entry(1) }, asEmployee());
    expect(fits.errors).toBeUndefined();
    expect(fits.data?.recordTimeEntry).toMatchObject({ periodType: 'OVERTIME' });
  });
});
