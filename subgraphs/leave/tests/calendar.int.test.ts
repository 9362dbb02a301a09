import { requestSql } from '../../../test-support/sqlShape';
import { onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, asManager, hr, startLeave, type LeaveHarness } from './support';

// Employee.leaveBetween: what a team calendar of a month shows, for many people at once.
describe('leave: requests sharing a day with a period (the team calendar)', () => {
  let h: LeaveHarness;
  let managerId: string;
  let first: string;
  let second: string;
  const ids: Record<string, string> = {};

  const request = async (who: string, startDate: string, endDate: string, leaveType = 'ANNUAL') => {
    const reply = await h.request(who, { leaveType, startDate, endDate });
    expect(reply.errors).toBeUndefined();
    return reply.data.requestLeave.id as string;
  };

  beforeAll(async () => {
    h = await startLeave();
    managerId = await h.hire();
    first = await h.hire({ managerId });
    second = await h.hire({ managerId });
    // Over the turn of the year, inside January, after it, and two that no longer stand.
    ids.newYear = await request(first, '2025-12-29', '2026-01-02');
    ids.january = await request(first, '2026-01-19', '2026-01-20', 'CASUAL');
    ids.february = await request(first, '2026-02-02', '2026-02-03');
    ids.rejected = await request(second, '2026-01-12', '2026-01-12');
    ids.cancelled = await request(second, '2026-01-13', '2026-01-13');
    ids.pending = await request(second, '2026-01-26', '2026-01-30');
    await h.op('ApproveLeave', { input: { id: ids.newYear } }, asManager(managerId));
    await h.op('RejectLeave', { input: { id: ids.rejected } }, asManager(managerId));
    await h.op('CancelLeave', { input: { id: ids.cancelled } }, asEmployee(second));
  });
  afterAll(() => h.stop());

  const january = (caller = asManager(managerId), people = [first, second]) =>
    h.entities(
      people.map((id) => ({ __typename: 'Employee', id })),
      `... on Employee { id leaveBetween(from: $from, to: $to) {
          id leaveType startDate endDate status halfDayStart halfDayEnd } }`,
      { from: '2026-01-01', to: '2026-01-31' },
      '$from: Date!, $to: Date!',
      caller,
    );

  it("gives each report's pending and approved requests of the month, earliest first, in one query", async () => {
    let reply: any;
    const sql = await h.countQueries(async () => (reply = await january(hr)));
    expect(reply.errors).toBeUndefined();
    const [a, b] = reply.data._entities;
    expect(a.leaveBetween.map((r: any) => [r.id, r.status])).toEqual([
      [ids.newYear, 'APPROVED'],
      [ids.january, 'PENDING'],
    ]);
    expect(a.leaveBetween[0]).toMatchObject({ startDate: '2025-12-29', endDate: '2026-01-02' });
    expect(b.leaveBetween.map((r: any) => [r.id, r.status])).toEqual([[ids.pending, 'PENDING']]);
    // Both people's requests standing on a day of the month, in one statement.
    expect(requestSql(sql)).toEqual([
      'select l0.* from leave_requests as l0 where l0.employee_id in (2 values) ' +
        "and l0.status in (2 values) and l0.start_date <= '2026-01-31' " +
        "and l0.end_date >= '2026-01-01' order by l0.start_date asc, l0.id asc",
    ]);
  });

  it("lets the reports' manager read it, and no one else", async () => {
    const mine = await january();
    expect(mine.errors).toBeUndefined();
    expect(mine.data!._entities[1].leaveBetween).toHaveLength(1);
    const colleague = await january(asEmployee(second), [first]);
    expect(onlyError(colleague).extensions!.code).toBe('FORBIDDEN');
    const otherManager = await january(asManager(await h.hire()), [first]);
    expect(onlyError(otherManager).extensions!.code).toBe('FORBIDDEN');
  });

  it.each([
    ['to before from', '2026-01-31', '2026-01-01'],
    ['more than 366 days', '2026-01-01', '2027-01-02'],
    ['a date that is not one', '2026-01-01', '2026-02-30'],
  ])('refuses %s, naming `to`', async (_what, from, to) => {
    const reply = await h.entities(
      [{ __typename: 'Employee', id: first }],
      '... on Employee { leaveBetween(from: $from, to: $to) { id } }',
      { from, to },
      '$from: Date!, $to: Date!',
      hr,
    );
    expect(onlyError(reply).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it("marks the public holidays of each person's location over the period, and refuses as leaveBetween does", async () => {
    const scot = await h.hire({ managerId, location: 'SCOTLAND' });
    const holidays = (people: string[], from: string, to: string, caller = asManager(managerId)) =>
      h.entities(
        people.map((id) => ({ __typename: 'Employee', id })),
        '... on Employee { id publicHolidaysBetween(from: $from, to: $to) }',
        { from, to },
        '$from: Date!, $to: Date!',
        caller,
      );
    const reply = await holidays([first, scot], '2025-12-20', '2026-01-05');
    expect(reply.errors).toBeUndefined();
    const [england, scotland] = reply.data!._entities;
    // England and Wales: Christmas, Boxing Day, New Year's Day; Scotland adds 2 January.
    expect(england.publicHolidaysBetween).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
    expect(scotland.publicHolidaysBetween).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2026-01-01',
      '2026-01-02',
    ]);
    const refused = await holidays([first], '2026-01-31', '2026-01-01', hr);
    expect(onlyError(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const colleague = await holidays([first], '2026-01-01', '2026-01-31', asEmployee(second));
    expect(onlyError(colleague).extensions!.code).toBe('FORBIDDEN');
  });
});
