import { onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, asManager, hr, startLeave } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const PREVIEW = `query Preview($input: LeaveRequestPreviewInput!) {
  leaveRequestPreview(input: $input) {
    days
    dates { date days }
    publicHolidays
    policyVersion
    balance { leaveYearStart leaveYearEnd remainingBefore remainingAfter }
  }
}`;

describe('leave: previewing a request before it is sent', () => {
  const h = suiteHarness(startLeave);

  const preview = (
    employeeId: string,
    input: Record<string, unknown>,
    caller = asEmployee(employeeId),
  ) => h.gql(PREVIEW, { input: { leaveType: 'ANNUAL', ...input } }, caller);

  it('counts working days less the holidays of the location, as requestLeave then charges', async () => {
    const england = await h.hire();
    const scotland = await h.hire({ location: 'SCOTLAND' });
    const christmas = { startDate: '2025-12-22', endDate: '2026-01-02' };
    const before = await h.snapshot();
    const english = (await preview(england, christmas)).data!.leaveRequestPreview;
    const scottish = (await preview(scotland, christmas)).data!.leaveRequestPreview;
    expect(await h.snapshot()).toEqual(before);
    expect(english).toMatchObject({
      days: 7,
      publicHolidays: ['2025-12-25', '2025-12-26', '2026-01-01'],
      policyVersion: 1,
    });
    expect(english.dates.map((d: { date: string }) => d.date)).not.toContain('2025-12-25');
    expect(scottish).toMatchObject({
      days: 6,
      publicHolidays: ['2025-12-25', '2025-12-26', '2026-01-01', '2026-01-02'],
    });
    const made = await h.request(england, christmas);
    expect(made.data.requestLeave.days).toBe(english.days);
  });

  it("follows the agreement's working pattern and half days", async () => {
    const id = await h.hire({}, { workingDays: ['MON', 'TUE', 'WED'] });
    // Friday 14 to Wednesday 19 November: Mon, Tue, and a half-day Wed.
    const reply = await preview(id, {
      startDate: '2025-11-14',
      endDate: '2025-11-19',
      halfDayEnd: true,
    });
    expect(reply.data!.leaveRequestPreview).toMatchObject({
      days: 2.5,
      dates: [
        { date: '2025-11-17', days: 1 },
        { date: '2025-11-18', days: 1 },
        { date: '2025-11-19', days: 0.5 },
      ],
      publicHolidays: [],
    });
  });

  it('shows the balance before and after, counting pending requests', async () => {
    const id = await h.hire({}, { fte: 0.4 }); // 10 days a year
    await h.request(id, { startDate: '2026-01-05', endDate: '2026-01-09' });
    const reply = await preview(id, { startDate: '2026-02-02', endDate: '2026-02-03' });
    expect(reply.data!.leaveRequestPreview.balance).toEqual({
      leaveYearStart: '2025-04-01',
      leaveYearEnd: '2026-03-31',
      remainingBefore: 5,
      remainingAfter: 3,
    });
    // Short of balance: the preview says how far, and refuses nothing.
    const short = await preview(id, { startDate: '2026-02-02', endDate: '2026-02-09' });
    expect(short.data!.leaveRequestPreview.balance.remainingAfter).toBe(-1);
  });

  it('has no balance for a type that draws on none', async () => {
    const id = await h.hire();
    const reply = await preview(id, {
      leaveType: 'SICK',
      startDate: '2025-11-03',
      endDate: '2025-11-04',
    });
    expect(reply.data!.leaveRequestPreview).toMatchObject({ days: 2, balance: null });
  });

  it("answers the employee's managers and HR, and nobody else", async () => {
    const managerId = await h.hire();
    const id = await h.hire({ managerId });
    const other = await h.hire();
    const input = { startDate: '2026-01-12', endDate: '2026-01-13' };
    expect(
      (await preview(id, { ...input, employeeId: id }, asManager(managerId))).errors,
    ).toBeUndefined();
    expect((await preview(id, { ...input, employeeId: id }, hr)).errors).toBeUndefined();
    const refused = onlyError(await preview(id, { ...input, employeeId: id }, asEmployee(other)));
    expect(refused.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses bad input as requestLeave does, naming the field', async () => {
    const id = await h.hire();
    const error = onlyError(await preview(id, { startDate: '2026-01-12', endDate: '2026-01-09' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
    const ancient = onlyError(
      await preview(id, { startDate: '0001-01-01', endDate: '2026-01-09' }),
    );
    expect(ancient.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
  });
});
