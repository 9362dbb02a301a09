import { onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, asManager, hr, startLeave } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

describe('leave: requesting', () => {
  const h = suiteHarness(startLeave);

  it('charges 7 days over Christmas in England and 6 in Scotland, and records the event', async () => {
    const england = await h.hire();
    const scotland = await h.hire({ location: 'SCOTLAND' });
    const christmas = { startDate: '2025-12-22', endDate: '2026-01-02' };
    const a = await h.request(england, christmas);
    const b = await h.request(scotland, christmas);
    expect(a.errors).toBeUndefined();
    expect(a.data.requestLeave).toMatchObject({ status: 'PENDING', leaveType: 'ANNUAL', days: 7 });
    expect(b.data.requestLeave.days).toBe(6);
    const [event] = await h.eventsAbout(a.data.requestLeave.id, 'leave.request.created');
    expect(event.data).toMatchObject({
      requestId: a.data.requestLeave.id,
      employeeId: england,
      version: 1,
      status: 'PENDING',
      days: 7,
      startDate: '2025-12-22',
      endDate: '2026-01-02',
      requestedBy: england,
    });
    expect((event.data.dates as { date: string }[]).map((d) => d.date)).not.toContain('2025-12-25');
  });

  it('counts a Friday to a half-day Monday as 1.5 days', async () => {
    const id = await h.hire();
    const reply = await h.request(id, {
      startDate: '2025-11-14',
      endDate: '2025-11-17',
      halfDayEnd: true,
    });
    expect(reply.data.requestLeave).toMatchObject({
      days: 1.5,
      halfDayStart: false,
      halfDayEnd: true,
    });
  });

  it('returns the first request again for the same idempotency key', async () => {
    const id = await h.hire();
    const input = { startDate: '2026-02-02', endDate: '2026-02-03', idempotencyKey: 'k-1' };
    const first = await h.request(id, input);
    const again = await h.request(id, input);
    expect(again.data.requestLeave.id).toBe(first.data.requestLeave.id);
    expect((await h.events()).filter((e) => e.data.employeeId === id)).toHaveLength(1);
  });

  describe('refuses a request that breaks a rule, naming it, and stores nothing', () => {
    const refused = async (
      employeeId: string,
      input: Record<string, unknown>,
      rule: string,
      caller = asEmployee(employeeId),
    ) => {
      const before = await h.snapshot();
      const error = onlyError(await h.request(employeeId, input, caller));
      expect(error.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule });
      expect(await h.snapshot()).toEqual(before);
      return error;
    };

    it('OVERLAPPING_LEAVE: overlapping an approved request', async () => {
      const managerId = await h.hire();
      const id = await h.hire({ managerId });
      const first = await h.request(id, { startDate: '2026-01-12', endDate: '2026-01-16' });
      const approved = await h.op(
        'ApproveLeave',
        { input: { id: first.data.requestLeave.id } },
        asManager(managerId),
      );
      expect(approved.data.approveLeave.status).toBe('APPROVED');
      const error = await refused(
        id,
        { startDate: '2026-01-16', endDate: '2026-01-19' },
        'OVERLAPPING_LEAVE',
      );
      expect(error.extensions!.overlapping).toEqual([
        expect.objectContaining({ id: first.data.requestLeave.id, status: 'APPROVED' }),
      ]);
    });

    it('OVERLAPPING_LEAVE: overlapping a pending request', async () => {
      const id = await h.hire();
      await h.request(id, { startDate: '2026-01-12', endDate: '2026-01-12' });
      await refused(
        id,
        { startDate: '2026-01-12', endDate: '2026-01-12', leaveType: 'CASUAL' },
        'OVERLAPPING_LEAVE',
      );
    });

    it('INSUFFICIENT_BALANCE: beyond the balance (pending days count)', async () => {
      const id = await h.hire({}, { fte: 0.4 }); // 10 days a year
      expect(
        (await h.request(id, { startDate: '2026-01-05', endDate: '2026-01-09' })).errors,
      ).toBeUndefined();
      const error = await refused(
        id,
        { startDate: '2026-02-02', endDate: '2026-02-09' },
        'INSUFFICIENT_BALANCE',
      );
      expect(error.extensions).toMatchObject({ available: 5, requested: 6 });
    });

    it('NOTICE_PERIOD: inside the notice period (7 days for annual leave)', async () => {
      const id = await h.hire();
      const error = await refused(
        id,
        { startDate: '2025-11-05', endDate: '2025-11-05' },
        'NOTICE_PERIOD',
      );
      expect(error.extensions).toMatchObject({ noticeDays: 7, earliestStartDate: '2025-11-08' });
    });

    it('MAX_CONSECUTIVE_DAYS: a run longer than the type allows', async () => {
      const id = await h.hire();
      await refused(
        id,
        { startDate: '2026-01-05', endDate: '2026-01-08', leaveType: 'CASUAL' },
        'MAX_CONSECUTIVE_DAYS',
      );
    });

    it('EMPLOYEE_NOT_ACTIVE: a terminated or inactive employee', async () => {
      const id = await h.hire({ status: 'INACTIVE' });
      await refused(id, { startDate: '2026-01-05', endDate: '2026-01-05' }, 'EMPLOYEE_NOT_ACTIVE');
    });

    it('OUTSIDE_EMPLOYMENT: before the hire date', async () => {
      const id = await h.hire({ hireDate: '2026-01-05' });
      await refused(id, { startDate: '2025-12-29', endDate: '2026-01-06' }, 'OUTSIDE_EMPLOYMENT');
    });

    it('HALF_DAY_NOT_ALLOWED: a half day of a type taken in whole days', async () => {
      const id = await h.hire();
      await refused(
        id,
        {
          startDate: '2026-01-05',
          endDate: '2026-01-05',
          halfDayStart: true,
          leaveType: 'COMPASSIONATE',
        },
        'HALF_DAY_NOT_ALLOWED',
      );
    });

    it('NO_WORKING_DAYS: only a weekend and a holiday', async () => {
      const id = await h.hire();
      await refused(id, { startDate: '2025-12-25', endDate: '2025-12-28' }, 'NO_WORKING_DAYS');
    });
  });

  describe('bad input: BAD_USER_INPUT naming the field, nothing stored', () => {
    const monday = { startDate: '2026-01-05', endDate: '2026-01-05' };
    const cases: [string, Record<string, unknown>, string][] = [
      ['end before start', { startDate: '2026-01-06', endDate: '2026-01-05' }, 'endDate'],
      ['a start that is no date', { startDate: '2026-02-30', endDate: '2026-03-02' }, 'startDate'],
      ['an end that is no date', { startDate: '2026-01-05', endDate: '05/01/2026' }, 'endDate'],
      ['a span over a year', { startDate: '2026-01-05', endDate: '2027-01-06' }, 'endDate'],
      // Year 1's leave year began in year 0, which crashed the balance's arithmetic.
      ['a start in year 1', { startDate: '0001-03-01', endDate: '2026-01-05' }, 'startDate'],
      ['an end past 2199', { startDate: '2199-12-31', endDate: '2200-01-01' }, 'endDate'],
      ['a reason too long', { ...monday, reason: 'x'.repeat(501) }, 'reason'],
      [
        'two half days on one day',
        { ...monday, halfDayStart: true, halfDayEnd: true },
        'halfDayEnd',
      ],
      [
        'an idempotency key too long',
        { ...monday, idempotencyKey: 'k'.repeat(201) },
        'idempotencyKey',
      ],
    ];
    it.each(cases)('%s', async (_name, input, field) => {
      const id = await h.hire();
      const before = await h.snapshot();
      const error = onlyError(await h.request(id, input));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toMatch(field);
      expect(await h.snapshot()).toEqual(before);
    });

    it('an unknown leave type', async () => {
      const id = await h.hire();
      const error = onlyError(await h.request(id, { ...monday, leaveType: 'SABBATICAL' }));
      expect(error.extensions!.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/leaveType/);
    });

    it('a leave type the configuration switched off', async () => {
      const off = await startLeave({ policies: { TOIL: { enabled: false } } });
      try {
        const id = await off.hire();
        const error = onlyError(await off.request(id, { ...monday, leaveType: 'TOIL' }));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaveType' });
      } finally {
        await off.stop();
      }
    });

    it('an employee leave does not know', async () => {
      const error = onlyError(await h.request('0190a3c4-0000-7000-8000-000000000999', monday, hr));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'employeeId' });
    });
  });

  it('lets only HR ask for someone else', async () => {
    const id = await h.hire();
    const other = await h.hire();
    const input = { employeeId: id, startDate: '2026-03-02', endDate: '2026-03-02' };
    expect(onlyError(await h.request(id, input, asEmployee(other))).extensions!.code).toBe(
      'FORBIDDEN',
    );
    expect(onlyError(await h.request(id, input, asManager(other))).extensions!.code).toBe(
      'FORBIDDEN',
    );
    expect((await h.request(id, input, hr)).data.requestLeave.status).toBe('PENDING');
  });
});
