import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from '../../../messaging';
import { ACCRUAL_TYPES } from '../src/entities';
import { statusOf } from '../src/rules';
import {
  DAYS,
  SUMMARY,
  agreementEvent,
  employeeCreated,
  entryEvent,
  event,
  startAccruals,
  type AccrualsHarness,
  type Caller,
  type EntryFields,
} from './support';

interface Day {
  date: string;
  dayTotal: number;
  cumulativeTotal: number;
}

async function days(
  h: AccrualsHarness,
  id: string,
  type: string,
  from: string,
  to: string,
  caller?: Caller,
): Promise<Day[]> {
  const reply = await h.gql(
    DAYS,
    { reps: [{ __typename: 'Employee', id }], type, from, to },
    caller,
  );
  expect(reply.errors).toBeUndefined();
  return reply.data!._entities[0].accrualDays;
}

const day = async (h: AccrualsHarness, id: string, type: string, date: string) =>
  (await days(h, id, type, date, date))[0];

async function unassigned(h: AccrualsHarness, id: string): Promise<number> {
  const reply = await h.gql(DAYS, {
    reps: [{ __typename: 'Employee', id }],
    type: 'NIGHT_HOURS',
    from: '2025-06-01',
    to: '2025-06-01',
  });
  return reply.data!._entities[0].unassignedAccrualEntries;
}

/** Every type's days over the agreement year, for comparing two ledgers. */
async function everything(h: AccrualsHarness, id: string) {
  const all: Record<string, Day[]> = {};
  for (const type of ACCRUAL_TYPES) all[type] = await days(h, id, type, '2025-04-01', '2026-03-31');
  return all;
}

describe('accruals: ledger from events', () => {
  let h: AccrualsHarness;
  /** Every event applied, in order, for the replay test. */
  const applied: EventEnvelope[] = [];
  const apply = async (event: EventEnvelope) => {
    applied.push(event);
    await h.apply(event);
  };

  beforeAll(async () => (h = await startAccruals()));
  afterAll(() => h.stop());

  /** An employee in Europe/London with an agreement 2025-04-01..2026-03-31. */
  async function employee(options: { startDate?: string; openings?: boolean } = {}) {
    const id = uuidv7();
    await apply(employeeCreated(id));
    await apply(
      agreementEvent(id, {
        startDate: options.startDate,
        openingBalances: options.openings
          ? [{ accrualType: 'ANNUAL_TARGET_HOURS', total: 100 }]
          : [],
      }),
    );
    return id;
  }

  const shift = (employeeId: string, startTime: string, endTime: string, more = {}) =>
    ({ entryId: uuidv7(), employeeId, version: 1, startTime, endTime, ...more }) as EntryFields;
  /** Applies time's recording of a shift (or, with `more`, another period) from start to end. */
  const record = (employeeId: string, startTime: string, endTime: string, more = {}) =>
    apply(entryEvent('recorded', shift(employeeId, startTime, endTime, more)));

  it('counts a weekday 14:00-23:30 as 9.5 hours with 0.5 night hours', async () => {
    const id = await employee();
    // 10 June 2025 is a Tuesday; BST is UTC+1.
    await record(id, '2025-06-10T13:00:00Z', '2025-06-10T22:30:00Z');
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-10')).toMatchObject({ dayTotal: 9.5 });
    expect(await day(h, id, 'NIGHT_HOURS', '2025-06-10')).toMatchObject({ dayTotal: 0.5 });
    expect(await day(h, id, 'WEEKEND_HOURS', '2025-06-10')).toMatchObject({ dayTotal: 0 });
  });

  it('splits 19:00-06:00 at local midnight, cumulative from the day before', async () => {
    const id = await employee();
    await record(id, '2025-06-09T07:00:00Z', '2025-06-09T15:00:00Z');
    await record(id, '2025-06-10T18:00:00Z', '2025-06-11T05:00:00Z');
    expect(await days(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-09', '2025-06-12')).toEqual([
      { date: '2025-06-09', dayTotal: 8, cumulativeTotal: 8 },
      { date: '2025-06-10', dayTotal: 5, cumulativeTotal: 13 },
      { date: '2025-06-11', dayTotal: 6, cumulativeTotal: 19 },
      { date: '2025-06-12', dayTotal: 0, cumulativeTotal: 19 },
    ]);
    expect(
      (await days(h, id, 'NIGHT_HOURS', '2025-06-10', '2025-06-11')).map((d) => d.dayTotal),
    ).toEqual([1, 6]);
  });

  it('takes the meal break off the first day', async () => {
    const id = await employee();
    await record(id, '2025-06-10T18:00:00Z', '2025-06-11T05:00:00Z', { mealBreakMinutes: 45 });
    expect(
      (await days(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-10', '2025-06-11')).map((d) => d.dayTotal),
    ).toEqual([4.25, 6]);
  });

  it('counts real elapsed minutes across the spring-forward and fall-back nights', async () => {
    const id = uuidv7();
    await apply(employeeCreated(id));
    await apply(agreementEvent(id, { startDate: '2024-04-01', endDate: '2025-03-31' }));
    await apply(agreementEvent(id, { startDate: '2025-04-01', endDate: '2026-03-31' }));
    // Sat 29 March 22:00 GMT to Sun 30 March 07:00 BST: 8 real hours.
    await record(id, '2025-03-29T22:00:00Z', '2025-03-30T06:00:00Z');
    const spring = await days(h, id, 'ANNUAL_TARGET_HOURS', '2025-03-29', '2025-03-30');
    expect(spring.map((d) => d.dayTotal)).toEqual([2, 6]);
    const springNight = await days(h, id, 'NIGHT_HOURS', '2025-03-29', '2025-03-30');
    expect(springNight.map((d) => d.dayTotal)).toEqual([1, 5]);
    const springWeekend = await days(h, id, 'WEEKEND_HOURS', '2025-03-29', '2025-03-30');
    expect(springWeekend.map((d) => d.dayTotal)).toEqual([2, 6]);
    // Sat 25 October 22:00 BST to Sun 26 October 07:00 GMT: 10 real hours.
    await record(id, '2025-10-25T21:00:00Z', '2025-10-26T07:00:00Z');
    const fall = await days(h, id, 'ANNUAL_TARGET_HOURS', '2025-10-25', '2025-10-26');
    expect(fall.map((d) => d.dayTotal)).toEqual([2, 8]);
    const fallNight = await days(h, id, 'NIGHT_HOURS', '2025-10-25', '2025-10-26');
    expect(fallNight.map((d) => d.dayTotal)).toEqual([1, 7]);
  });

  it('counts weekend, public-holiday and on-call periods', async () => {
    const id = await employee();
    // Saturday 14 June 2025, 09:00-17:00 BST, 30 minutes' meal break.
    await record(id, '2025-06-14T08:00:00Z', '2025-06-14T16:00:00Z', { mealBreakMinutes: 30 });
    expect(await day(h, id, 'WEEKEND_HOURS', '2025-06-14')).toMatchObject({ dayTotal: 8 });
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-14')).toMatchObject({ dayTotal: 7.5 });
    // Christmas Day 2025 (a Thursday), 08:00-16:00 GMT.
    await record(id, '2025-12-25T08:00:00Z', '2025-12-25T16:00:00Z');
    expect(await day(h, id, 'PUBLIC_HOLIDAY_HOURS', '2025-12-25')).toMatchObject({ dayTotal: 8 });
    expect(await day(h, id, 'WEEKEND_HOURS', '2025-12-25')).toMatchObject({ dayTotal: 0 });
    const onCall = (start: string, end: string) =>
      record(id, start, end, { periodType: 'ON_CALL' });
    await onCall('2025-12-26T18:00:00Z', '2025-12-27T08:00:00Z'); // Boxing Day
    await onCall('2025-12-27T18:00:00Z', '2025-12-28T08:00:00Z'); // Saturday
    await onCall('2025-12-29T18:00:00Z', '2025-12-30T08:00:00Z'); // Monday
    expect(await day(h, id, 'ON_CALL_PUBLIC_HOLIDAY', '2025-12-26')).toMatchObject({ dayTotal: 1 });
    expect(await day(h, id, 'ON_CALL_WEEKEND', '2025-12-27')).toMatchObject({ dayTotal: 1 });
    expect(await day(h, id, 'ON_CALL_WEEKDAY', '2025-12-29')).toMatchObject({ dayTotal: 1 });
    // On-call time is not worked time.
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-12-27')).toMatchObject({ dayTotal: 0 });
    expect(h.emitted.some((e) => e.data.employeeId === id)).toBe(true);
  });

  it('moves, removes and ends like recording the final entries fresh', async () => {
    const id = await employee();
    const a = shift(id, '2025-06-10T07:00:00Z', '2025-06-10T15:00:00Z');
    const b = shift(id, '2025-06-11T18:00:00Z', '2025-06-12T05:00:00Z');
    await apply(entryEvent('recorded', a));
    await apply(entryEvent('recorded', b));
    // a moves to Saturday 14 June; b is deleted.
    const moved = {
      ...a,
      version: 2,
      startTime: '2025-06-14T07:00:00Z',
      endTime: '2025-06-14T15:00:00Z',
    };
    await apply(entryEvent('amended', moved));
    await apply(entryEvent('deleted', { ...b, version: 2 }));
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-10')).toMatchObject({ dayTotal: 0 });
    expect(await day(h, id, 'NIGHT_HOURS', '2025-06-12')).toMatchObject({
      dayTotal: 0,
      cumulativeTotal: 0,
    });
    expect(await day(h, id, 'WEEKEND_HOURS', '2025-06-14')).toMatchObject({ dayTotal: 8 });

    const fresh = await employee();
    await apply(entryEvent('recorded', { ...moved, entryId: uuidv7(), employeeId: fresh }));
    expect(await everything(h, id)).toEqual(await everything(h, fresh));
  });

  it('ignores the same event twice and an older version after a newer one', async () => {
    const id = await employee();
    const entry = shift(id, '2025-06-10T07:00:00Z', '2025-06-10T15:00:00Z');
    const recorded = entryEvent('recorded', entry);
    await apply(recorded);
    const amended = entryEvent('amended', {
      ...entry,
      version: 2,
      endTime: '2025-06-10T17:00:00Z',
    });
    await apply(amended);
    const before = await everything(h, id);
    const emitted = await h.emittedBy(async () => {
      await apply(amended);
      await apply(recorded);
    });
    expect(await everything(h, id)).toEqual(before);
    expect(emitted).toEqual([]);
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-10')).toMatchObject({ dayTotal: 10 });
  });

  it('keeps an entry outside every agreement and applies it when one arrives', async () => {
    const id = uuidv7();
    await apply(employeeCreated(id));
    await record(id, '2025-06-10T07:00:00Z', '2025-06-10T15:00:00Z');
    expect(await unassigned(h, id)).toBe(1);
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-10')).toMatchObject({ dayTotal: 0 });
    await apply(agreementEvent(id));
    expect(await unassigned(h, id)).toBe(0);
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-06-10')).toMatchObject({
      dayTotal: 8,
      cumulativeTotal: 8,
    });
  });

  it('adds opening balances at the start and reports the status against pro rata', async () => {
    const id = await employee({ openings: true });
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2025-04-01')).toMatchObject({
      dayTotal: 0,
      cumulativeTotal: 100,
    });
    // 1950 hours over 365 days: 30 June is day 91, 486.16 hours expected.
    const reply = await h.gql(SUMMARY, {
      reps: [{ __typename: 'Employee', id }],
      on: '2025-06-30',
    });
    expect(reply.errors).toBeUndefined();
    const summary = reply.data!._entities[0].accruals;
    expect(summary).toHaveLength(7);
    expect(summary[0]).toMatchObject({
      accrualType: 'ANNUAL_TARGET_HOURS',
      measurementUnit: 'HOURS',
      target: 1950,
      worked: 100,
      remaining: 1850,
      expectedToDate: 486.16,
      status: 'BEHIND_25_PLUS',
      agreement: { startDate: '2025-04-01', endDate: '2026-03-31' },
    });
    expect(summary[4]).toMatchObject({ accrualType: 'ON_CALL_WEEKDAY', measurementUnit: 'COUNT' });
    // No agreement covers the day: no summaries.
    const before = await h.gql(SUMMARY, {
      reps: [{ __typename: 'Employee', id }],
      on: '2025-01-01',
    });
    expect(before.data!._entities[0].accruals).toEqual([]);
  });

  it('bands the status by the gap to the expected share', () => {
    expect(statusOf(100, 100)).toBe('ON_TRACK');
    expect(statusOf(95, 100)).toBe('ON_TRACK');
    expect(statusOf(105, 100)).toBe('ON_TRACK');
    expect(statusOf(94, 100)).toBe('BEHIND_5_15');
    expect(statusOf(85, 100)).toBe('BEHIND_5_15');
    expect(statusOf(80, 100)).toBe('BEHIND_15_25');
    expect(statusOf(74, 100)).toBe('BEHIND_25_PLUS');
    expect(statusOf(110, 100)).toBe('AHEAD_5_15');
    expect(statusOf(120, 100)).toBe('AHEAD_15_25');
    expect(statusOf(130, 100)).toBe('AHEAD_25_PLUS');
    expect(statusOf(0, 0)).toBe('ON_TRACK');
  });

  it('says whether a chain reached the balances', async () => {
    const id = await employee();
    const correlationId = uuidv7();
    const query = `query ($c: ID!) { accrualsConsistency(correlationId: $c) { correlationId reflected } }`;
    expect((await h.gql(query, { c: correlationId })).data!.accrualsConsistency).toEqual({
      correlationId,
      reflected: false,
    });
    await apply(
      entryEvent(
        'recorded',
        shift(id, '2025-06-10T07:00:00Z', '2025-06-10T15:00:00Z'),
        correlationId,
      ),
    );
    expect((await h.gql(query, { c: correlationId })).data!.accrualsConsistency.reflected).toBe(
      true,
    );
    const partner = await h.gql(
      query,
      { c: correlationId },
      { role: 'PARTNER', sub: 'p', scopes: [] },
    );
    expect(partner.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets the employee, their manager and HR read, and nobody else', async () => {
    const manager = uuidv7();
    const id = uuidv7();
    await apply(employeeCreated(id, { managerId: manager }));
    await apply(agreementEvent(id));
    const read = (caller: Caller) =>
      h.gql(SUMMARY, { reps: [{ __typename: 'Employee', id }], on: '2025-06-30' }, caller);
    expect((await read({ role: 'EMPLOYEE', sub: id })).errors).toBeUndefined();
    expect((await read({ role: 'MANAGER', sub: manager })).errors).toBeUndefined();
    expect((await read({ role: 'HR', sub: uuidv7() })).errors).toBeUndefined();
    const other = await read({ role: 'EMPLOYEE', sub: uuidv7() });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherManager = await read({ role: 'MANAGER', sub: uuidv7() });
    expect(otherManager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("lets a manager read their reports' reports, and not the line above them", async () => {
    const [head, lead, nurse] = [uuidv7(), uuidv7(), uuidv7()];
    await apply(employeeCreated(head));
    await apply(employeeCreated(lead, { managerId: head }));
    await apply(employeeCreated(nurse, { managerId: lead }));
    await apply(agreementEvent(nurse));
    await apply(agreementEvent(head));
    const read = (id: string, caller: Caller) =>
      h.gql(SUMMARY, { reps: [{ __typename: 'Employee', id }], on: '2025-06-30' }, caller);
    expect((await read(nurse, { role: 'MANAGER', sub: head })).errors).toBeUndefined();
    const upwards = await read(head, { role: 'MANAGER', sub: lead });
    expect(upwards.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The reporting line counts for managers only.
    const asEmployee = await read(nurse, { role: 'EMPLOYEE', sub: head });
    expect(asEmployee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a bad range', async () => {
    const id = await employee();
    const reply = await h.gql(DAYS, {
      reps: [{ __typename: 'Employee', id }],
      type: 'NIGHT_HOURS',
      from: '2025-06-10',
      to: '2025-06-01',
    });
    expect(reply.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows the location for public holidays and an agreement ending early', async () => {
    const id = uuidv7();
    await apply(employeeCreated(id, { location: 'SCOTLAND' }));
    const agreementId = uuidv7();
    await apply(agreementEvent(id, { agreementId }));
    // 2 January 2026 is a public holiday in Scotland, not in England.
    await record(id, '2026-01-02T08:00:00Z', '2026-01-02T16:00:00Z');
    expect(await day(h, id, 'PUBLIC_HOLIDAY_HOURS', '2026-01-02')).toMatchObject({ dayTotal: 8 });
    await apply(
      event('employees.employee.updated', id, {
        employeeId: id,
        employeeNumber: 'E1',
        version: 2,
        changes: { location: { old: 'SCOTLAND', new: 'ENGLAND_AND_WALES' } },
      }),
    );
    expect(await day(h, id, 'PUBLIC_HOLIDAY_HOURS', '2026-01-02')).toMatchObject({ dayTotal: 0 });
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2026-01-02')).toMatchObject({ dayTotal: 8 });
    // The agreement ends on 31 December: the January entry has no agreement any more.
    await apply(
      agreementEvent(id, { agreementId, version: 2, type: 'ended', endDate: '2025-12-31' }),
    );
    expect(await unassigned(h, id)).toBe(1);
    expect(await day(h, id, 'ANNUAL_TARGET_HOURS', '2026-01-02')).toMatchObject({
      dayTotal: 0,
      cumulativeTotal: 0,
    });
  });

  it('emits the earliest changed day and the new cumulative total', async () => {
    const id = await employee();
    const from = h.emitted.length;
    await record(id, '2025-06-10T18:00:00Z', '2025-06-11T05:00:00Z');
    const changes = h.emitted.slice(from).map((e) => e.data);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          employeeId: id,
          accrualType: 'ANNUAL_TARGET_HOURS',
          date: '2025-06-10',
          cumulative: 5,
        }),
        expect.objectContaining({ accrualType: 'NIGHT_HOURS', date: '2025-06-10', cumulative: 1 }),
      ]),
    );
    expect(changes).toHaveLength(2);

    // Each change of a balance counts up its version, so a reader can drop a stale one.
    const target = (data: Record<string, unknown>[]) =>
      data.find((d) => d.accrualType === 'ANNUAL_TARGET_HOURS')!;
    const next = h.emitted.length;
    await record(id, '2025-06-12T08:00:00Z', '2025-06-12T10:00:00Z');
    const later = target(h.emitted.slice(next).map((e) => e.data));
    expect(later).toMatchObject({ date: '2025-06-12', cumulative: 5 + 6 + 2 });
    expect(later.version).toBe((target(changes).version as number) + 1);
  });

  it('gives the same balances when every event is replayed into an empty database', async () => {
    const replay = await startAccruals();
    try {
      for (const event of applied) await replay.apply(event);
      const ids = [...new Set(applied.map((e) => String(e.data.employeeId)))];
      for (const id of ids) expect(await everything(replay, id)).toEqual(await everything(h, id));
    } finally {
      await replay.stop();
    }
  });
});
