import { startCompliance } from './support';
import { lateArrival, processedDay, timeEntry, VIOLATIONS } from './violationEvents';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('compliance: violations found in other domains’ events', () => {
  const h = suiteHarness(startCompliance);

  const violationsOf = async (employeeId: string) => {
    const reply = await h.gql(VIOLATIONS, { filter: { employeeId } });
    expect(reply.errors).toBeUndefined();
    return reply.data!.complianceViolations.nodes as any[];
  };
  const detectedFor = async (employeeId: string) =>
    (await h.events('compliance.violation.detected')).filter(
      (e) => e.data.employeeId === employeeId,
    );
  const workingTime = { kind: 'WORKING_TIME', key: 'DEFAULT', version: 1 };
  /** Attendance's word that it processed `employeeId`'s day on `date`. */
  const processDay = (employeeId: string, date: string, extra: Record<string, unknown>) =>
    h.send('attendance.day.processed', processedDay(employeeId, date, extra));

  it('records a day over the daily overtime cap, naming the policy, and says so in an event', async () => {
    const manager = await h.hire();
    const nurse = await h.hire({ managerId: manager });
    await processDay(nurse, '2025-10-30', { workedMinutes: 760, overtimeMinutes: 310 });
    const [violation] = await violationsOf(nurse);
    expect(violation).toMatchObject({
      employeeId: nurse,
      rule: 'DAILY_OVERTIME_CAP',
      message: 'Overtime on 2025-10-30 was 5 h 10 min, over the 4 h daily cap (WORKING_TIME v1).',
      fromDate: '2025-10-30',
      toDate: '2025-10-30',
      policy: workingTime,
      source: 'attendance.day.processed',
      status: 'OPEN',
      detectedAt: '2025-11-01T12:00:00.000Z',
      closedAt: null,
    });
    const [event] = await detectedFor(nurse);
    expect(event.data).toMatchObject({
      violationId: violation.id,
      managerId: manager,
      rule: 'DAILY_OVERTIME_CAP',
      policy: workingTime,
      details: { minutes: 310, limitMinutes: 240 },
      version: 1,
    });
    expect(event.source).toBe('/subgraphs/compliance');
  });

  it('records a day longer than the longest shift', async () => {
    const nurse = await h.hire();
    await processDay(nurse, '2025-10-29', { workedMinutes: 1500 });
    expect(await violationsOf(nurse)).toEqual([
      expect.objectContaining({
        rule: 'LONGEST_SHIFT',
        message: 'Work on 2025-10-29 came to 25 h, over the 24 h longest shift (WORKING_TIME v1).',
      }),
    ]);
  });

  it('records a long day with too short a break, and none without the break figure', async () => {
    const nurse = await h.hire();
    await processDay(nurse, '2025-10-28', { workedMinutes: 420, breakMinutes: 10 });
    await processDay(nurse, '2025-10-27', { workedMinutes: 420, breakMinutes: 0 });
    // Days processed before attendance sent breaks, and days with the break taken.
    await processDay(nurse, '2025-10-24', { workedMinutes: 420 });
    await processDay(nurse, '2025-10-23', { workedMinutes: 420, breakMinutes: 30 });
    const found = await violationsOf(nurse);
    expect(found.map((v) => [v.rule, v.fromDate, v.message])).toEqual([
      [
        'MINIMUM_BREAK',
        '2025-10-27',
        '7 h worked on 2025-10-27 with no break, where 30 min is due after 6 h (WORKING_TIME v1).',
      ],
      [
        'MINIMUM_BREAK',
        '2025-10-28',
        '7 h worked on 2025-10-28 with a break of 10 min, where 30 min is due after 6 h (WORKING_TIME v1).',
      ],
    ]);
  });

  it('records nothing for days within the rules and time entries without an exception', async () => {
    const nurse = await h.hire();
    await processDay(nurse, '2025-10-30', {
      workedMinutes: 690,
      overtimeMinutes: 240,
      breakMinutes: 45,
    });
    await h.send('time.entry.recorded', timeEntry(nurse));
    await h.send('time.entry.amended', {
      ...timeEntry(nurse, { version: 2 }),
      previous: {
        periodType: 'OVERTIME',
        shiftType: null,
        startTime: '2025-10-30T17:00:00.000Z',
        endTime: '2025-10-30T21:00:00.000Z',
        mealBreakMinutes: 0,
      },
    });
    expect(await violationsOf(nurse)).toEqual([]);
    expect(await detectedFor(nurse)).toEqual([]);
  });

  it('records each time entry HR recorded or amended under an exception, with the rules and reason', async () => {
    const nurse = await h.hire();
    const exception = {
      rules: ['DAILY_OVERTIME_CAP', 'MINIMUM_BREAK'],
      reason: 'Covering two sick colleagues',
    };
    await h.send('time.entry.recorded', timeEntry(nurse, { complianceException: exception }));
    await h.send('time.entry.amended', {
      ...timeEntry(nurse, {
        version: 2,
        startTime: '2025-10-31T22:00:00.000Z',
        endTime: '2025-11-01T06:00:00.000Z',
        complianceException: { rules: ['MAX_ENTRY_LENGTH'], reason: 'Night cover' },
      }),
      previous: {
        periodType: 'OVERTIME',
        shiftType: null,
        startTime: '2025-10-31T22:00:00.000Z',
        endTime: '2025-11-01T02:00:00.000Z',
        mealBreakMinutes: 0,
      },
    });
    const found = await violationsOf(nurse);
    expect(found.map((v) => [v.rule, v.fromDate, v.toDate, v.source, v.message])).toEqual([
      [
        'HR_EXCEPTION',
        '2025-10-31',
        '2025-11-01',
        'time.entry.amended',
        'HR recorded time from 2025-10-31 to 2025-11-01 under an exception to the longest entry (WORKING_TIME v1). Reason: Night cover',
      ],
      [
        'HR_EXCEPTION',
        '2025-10-30',
        '2025-10-30',
        'time.entry.recorded',
        'HR recorded time on 2025-10-30 under an exception to the daily overtime cap and the minimum break (WORKING_TIME v1). Reason: Covering two sick colleagues',
      ],
    ]);
    const events = await detectedFor(nurse);
    expect(events.map((e) => e.data.details)).toEqual([
      {
        waivedRules: ['DAILY_OVERTIME_CAP', 'MINIMUM_BREAK'],
        reason: 'Covering two sick colleagues',
      },
      { waivedRules: ['MAX_ENTRY_LENGTH'], reason: 'Night cover' },
    ]);
  });

  it('records one violation when the same event comes twice, or the same day is processed again', async () => {
    const nurse = await h.hire();
    const day = processedDay(nurse, '2025-10-30', { overtimeMinutes: 300, workedMinutes: 750 });
    const event = await h.send('attendance.day.processed', day);
    await h.feed(event);
    await h.send('attendance.day.processed', { ...day, version: 2, overtimeMinutes: 320 });
    const entry = await h.send(
      'time.entry.recorded',
      timeEntry(nurse, { complianceException: { rules: ['FUTURE_START'], reason: 'Rota fix' } }),
    );
    await h.feed(entry);
    const found = await violationsOf(nurse);
    expect(found.map((v) => v.rule).sort()).toEqual(['DAILY_OVERTIME_CAP', 'HR_EXCEPTION']);
    expect(await detectedFor(nurse)).toHaveLength(2);
  });

  describe('late pattern', () => {
    const late = (id: string, date: string) =>
      h.send('attendance.late_arrival.detected', lateArrival(id, date));
    const patterns = async (id: string) =>
      (await violationsOf(id)).filter((v) => v.rule === 'LATE_PATTERN');

    it('records one violation when the lates within the window reach the count', async () => {
      const nurse = await h.hire();
      await late(nurse, '2025-10-01');
      const third = lateArrival(nurse, '2025-10-20');
      await late(nurse, '2025-10-10');
      expect(await patterns(nurse)).toEqual([]);
      const event = await h.send('attendance.late_arrival.detected', third);
      await h.feed(event);
      expect(await patterns(nurse)).toEqual([
        expect.objectContaining({
          fromDate: '2025-10-01',
          toDate: '2025-10-20',
          policy: { kind: 'ATTENDANCE', key: 'DEFAULT', version: 1 },
          source: 'attendance.late_arrival.detected',
          message:
            '3 late arrivals from 2025-10-01 to 2025-10-20, a pattern of 3 within 30 days (ATTENDANCE v1).',
        }),
      ]);
    });

    it('does not record the same window again: the next needs as many new lates after it', async () => {
      const nurse = await h.hire();
      for (const date of ['2025-09-01', '2025-09-02', '2025-09-03']) await late(nurse, date);
      await late(nurse, '2025-09-04');
      await late(nurse, '2025-09-05');
      expect(await patterns(nurse)).toHaveLength(1);
      await late(nurse, '2025-09-06');
      const found = await patterns(nurse);
      expect(found.map((v) => [v.fromDate, v.toDate])).toEqual([
        ['2025-09-04', '2025-09-06'],
        ['2025-09-01', '2025-09-03'],
      ]);
    });

    it('does not count lates further apart than the window', async () => {
      const nurse = await h.hire();
      for (const date of ['2025-06-01', '2025-07-15', '2025-08-30']) await late(nurse, date);
      expect(await patterns(nurse)).toEqual([]);
    });
  });

  it('judges each day by the WORKING_TIME version in force at its start, naming it', async () => {
    const changed = await h.gql(
      `mutation ($input: UpdateCompliancePolicyInput!) { updateCompliancePolicy(input: $input) { version } }`,
      {
        input: {
          kind: 'WORKING_TIME',
          effectiveFrom: '2025-11-01T12:00:00Z',
          workingTime: { dailyOvertimeCapMinutes: 120 },
        },
      },
    );
    expect(changed.errors).toBeUndefined();
    const nurse = await h.hire();
    // 150 minutes: within version 1's 4 h cap, over version 2's 2 h.
    await processDay(nurse, '2025-10-31', { overtimeMinutes: 150 });
    await processDay(nurse, '2025-11-03', { overtimeMinutes: 150 });
    expect(await violationsOf(nurse)).toEqual([
      expect.objectContaining({
        rule: 'DAILY_OVERTIME_CAP',
        fromDate: '2025-11-03',
        message: 'Overtime on 2025-11-03 was 2 h 30 min, over the 2 h daily cap (WORKING_TIME v2).',
        policy: { kind: 'WORKING_TIME', key: 'DEFAULT', version: 2 },
      }),
    ]);
  });
});
