import { DateTime } from 'luxon';
import { isPublicHoliday } from '../../runtime';
import { contractOperation as op } from '../../test-support/contractOperation';
import { hireBeforeAll } from '../../test-support/hireBeforeAll';
import { platformSuite } from '../../test-support/platformSuite';
import { rateCardInput } from '../../test-support/rateCardInput';
import { waitFor } from '../../test-support/waitFor';

const zone = 'Europe/London';

// The working-time rules through the gateway: a shift years ahead is refused and never
// reaches billing's ledger, while HR's exception to a rule is stored, costed and audited.
describe('plausible time through the gateway', () => {
  const tp = platformSuite();
  const hr = { role: 'HR' as const, sub: 'service:hr' };
  const finance = { role: 'FINANCE' as const, sub: 'service:finance' };
  const auditor = { role: 'AUDITOR' as const, sub: 'service:auditor' };
  const grade = 'BAND_5_PLAUSIBLE';
  const today = DateTime.now().setZone(zone).startOf('day');
  const date = today.toISODate()!;
  const rate = 2000;
  const holiday = isPublicHoliday('ENGLAND_AND_WALES', date) ? 2 : 1;

  const nurse = hireBeforeAll(tp, 'Rosa', 'Lind', { grade, timeZone: zone });

  beforeAll(async () => {
    const card = rateCardInput(grade, date, rate);
    // Billing learns the grade by event; a card for a grade it does not know is refused.
    await waitFor(async () => {
      const set = await tp.graphql(op('SetRateCard'), { input: card }, finance);
      return set.errors ? undefined : true;
    });
  });

  const costOn = async (day: string) => {
    const result = await tp.graphql(
      op('EmployeeCost'),
      { id: nurse.id, from: day, to: day },
      finance,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.employee.cost.amountMinor as number;
  };

  it('refuses a shift in 2030, and billing books nothing for it', async () => {
    const self = { role: 'EMPLOYEE' as const, sub: nurse.id };
    const future = {
      employeeId: nurse.id,
      periodType: 'SHIFT',
      startTime: '2030-01-07T09:00:00Z',
      endTime: '2030-01-07T13:00:00Z',
    };
    // Time learns of the employee by event: retry while it does not know them yet.
    const refused = await waitFor(async () => {
      const result = await tp.graphql(op('RecordTimeEntry'), { input: future }, self);
      return result.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' ? undefined : result;
    });
    expect(refused.data?.recordTimeEntry ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'FUTURE_START',
      field: 'startTime',
      limit: today.plus({ days: 1 }).toUTC().toISO(),
    });

    // HR records today's eight hours without the break due, under an exception.
    const reason = 'Ward short-staffed: no relief for a meal break.';
    const recorded = await tp.graphql(
      op('RecordTimeEntry'),
      {
        input: {
          employeeId: nurse.id,
          periodType: 'SHIFT',
          startTime: today.set({ hour: 8 }).toISO(),
          endTime: today.set({ hour: 16 }).toISO(),
          complianceException: { rules: ['MINIMUM_BREAK'], reason },
        },
      },
      hr,
    );
    expect(recorded.errors).toBeUndefined();
    const entry = recorded.data!.recordTimeEntry;

    // Billing takes time's events in order: once today's shift is costed, a 2030 shift
    // recorded before it would have been too.
    const eight = Math.round(8 * rate * holiday);
    await waitFor(async () => ((await costOn(date)) === eight ? true : undefined));
    expect(await costOn('2030-01-07')).toBe(0);
    const timecard = await tp.graphql(
      op('Timecard'),
      { id: nurse.id, from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' },
      self,
    );
    expect(timecard.errors).toBeUndefined();
    expect(timecard.data!.employee.timeEntries).toEqual([]);

    // The audit log's entry for the recording shows the exception and its reason.
    const logs = await waitFor(async () => {
      const reply = await tp.graphql(
        op('AuditLogs'),
        { filter: { entityId: entry.id, logType: 'time.entry.recorded' } },
        auditor,
      );
      return reply.data?.auditLogs.nodes.length ? reply : undefined;
    });
    expect(logs.data!.auditLogs.nodes).toEqual([
      expect.objectContaining({
        actorId: hr.sub,
        newValues: expect.objectContaining({
          entryId: entry.id,
          complianceException: { rules: ['MINIMUM_BREAK'], reason },
        }),
      }),
    ]);
  });
});
