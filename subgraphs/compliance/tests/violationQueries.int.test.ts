import {
  admin,
  asEmployee,
  asManager,
  auditor,
  hr,
  startCompliance,
  type ComplianceHarness,
} from './support';
import {
  CLOSE,
  lateArrival,
  processedDay,
  timeEntry,
  VIOLATION,
  VIOLATIONS,
} from './violationEvents';
import { hireLine } from '../../../test-support/hireLine';

describe('compliance: reading and closing violations', () => {
  let h: ComplianceHarness;
  let boss: string;
  let lead: string;
  let nurse: string;
  let porter: string;
  let outsider: string;

  const overtime = (id: string, date: string) =>
    h.send(
      'attendance.day.processed',
      processedDay(id, date, { workedMinutes: 750, overtimeMinutes: 300 }),
    );
  const exception = (id: string) =>
    h.send(
      'time.entry.recorded',
      timeEntry(id, { complianceException: { rules: ['DAILY_OVERTIME_CAP'], reason: 'Cover' } }),
    );

  beforeAll(async () => {
    h = await startCompliance();
    [boss, lead, nurse] = await hireLine(h);
    porter = await h.hire({ managerId: boss });
    outsider = await h.hire();
    await overtime(nurse, '2025-10-01');
    await overtime(nurse, '2025-10-15');
    await exception(nurse);
    await overtime(porter, '2025-10-20');
    await overtime(outsider, '2025-10-21');
    for (const date of ['2025-10-02', '2025-10-03', '2025-10-06']) {
      await h.send('attendance.late_arrival.detected', lateArrival(lead, date));
    }
  });
  afterAll(() => h.stop());

  const list = async (variables: Record<string, unknown>, caller = hr) => {
    const reply = await h.gql(VIOLATIONS, variables, caller);
    expect(reply.errors).toBeUndefined();
    return reply.data!.complianceViolations;
  };
  const who = async (variables: Record<string, unknown>, caller = hr) =>
    (await list(variables, caller)).nodes.map((v: any) => {
      // The employee's reference, for the gateway to fetch their name from employees.
      expect(v.employee).toEqual({ id: v.employeeId });
      return [v.employeeId, v.rule, v.fromDate];
    });
  const errorOf = async (query: string, variables: Record<string, unknown>, caller = hr) => {
    const reply = await h.gql(query, variables, caller);
    expect(reply.errors).toHaveLength(1);
    return reply.errors![0]!.extensions;
  };

  it('lists every violation newest first to HR, ADMIN and AUDITOR, page by page', async () => {
    const everything = [
      [lead, 'LATE_PATTERN', '2025-10-02'],
      [outsider, 'DAILY_OVERTIME_CAP', '2025-10-21'],
      [porter, 'DAILY_OVERTIME_CAP', '2025-10-20'],
      [nurse, 'HR_EXCEPTION', '2025-10-30'],
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-15'],
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-01'],
    ];
    expect(await who({})).toEqual(everything);
    expect(await who({}, admin)).toEqual(everything);
    expect(await who({}, auditor)).toEqual(everything);
    const first = await list({ first: 4 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ first: 4, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes].map((v: any) => v.id)).toEqual(
      (await list({})).nodes.map((v: any) => v.id),
    );
  });

  it('filters by employee, rule, period and status', async () => {
    expect(await who({ filter: { employeeId: nurse, rules: ['DAILY_OVERTIME_CAP'] } })).toEqual([
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-15'],
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-01'],
    ]);
    expect(await who({ filter: { from: '2025-10-05', to: '2025-10-20' } })).toEqual([
      // The late pattern runs from 2 to 6 October: it concerns days of the period.
      [lead, 'LATE_PATTERN', '2025-10-02'],
      [porter, 'DAILY_OVERTIME_CAP', '2025-10-20'],
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-15'],
    ]);
    expect(await who({ filter: { rules: ['HR_EXCEPTION', 'LATE_PATTERN'] } })).toEqual([
      [lead, 'LATE_PATTERN', '2025-10-02'],
      [nurse, 'HR_EXCEPTION', '2025-10-30'],
    ]);
    expect(await who({ filter: { status: 'CLOSED', employeeId: porter } })).toEqual([]);
    expect(await who({ filter: { status: 'OPEN', employeeId: porter } })).toEqual([
      [porter, 'DAILY_OVERTIME_CAP', '2025-10-20'],
    ]);
  });

  it('counts what the caller may read and the filter selects, the same on every page', async () => {
    const COUNTED = `query ($first: Int, $after: String, $filter: ComplianceViolationFilter) {
      complianceViolations(first: $first, after: $after, filter: $filter) { totalCount }
    }`;
    const count = async (variables: Record<string, unknown>, caller = hr) => {
      const reply = await h.gql(COUNTED, variables, caller);
      expect(reply.errors).toBeUndefined();
      return reply.data!.complianceViolations.totalCount;
    };
    const after = (await list({ first: 4 })).pageInfo.endCursor;
    expect([await count({ first: 1 }), await count({ first: 4, after })]).toEqual([6, 6]);
    expect(await count({ filter: { from: '2025-10-05', to: '2025-10-20' } })).toBe(3);
    expect(await count({ filter: { status: 'OPEN', employeeId: porter } })).toBe(1);
    expect(await count({}, asManager(boss))).toBe(5);
    expect(await count({}, asManager(lead))).toBe(4);
    expect(await count({}, asEmployee(porter))).toBe(1);
    // Counted only when asked for: a page alone runs no count.
    const counts = (sql: string[]) => sql.filter((q) => /\bcount\(/i.test(q)).length;
    expect(counts(await h.countQueries(() => list({ first: 1 })))).toBe(0);
    expect(counts(await h.countQueries(() => count({ first: 1 })))).toBe(1);
  });

  it('refuses a period that is not one, a bad cursor and too large a page', async () => {
    expect(await errorOf(VIOLATIONS, { filter: { from: '2025-13-01' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.from',
    });
    expect(
      await errorOf(VIOLATIONS, { filter: { from: '2025-10-02', to: '2025-10-01' } }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    expect(await errorOf(VIOLATIONS, { after: 'nonsense' })).toMatchObject({ field: 'after' });
    expect(await errorOf(VIOLATIONS, { first: 501 })).toMatchObject({ field: 'first' });
  });

  it('shows a manager the violations of their direct and indirect reports only', async () => {
    expect(await who({}, asManager(boss))).toEqual([
      [lead, 'LATE_PATTERN', '2025-10-02'],
      [porter, 'DAILY_OVERTIME_CAP', '2025-10-20'],
      [nurse, 'HR_EXCEPTION', '2025-10-30'],
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-15'],
      [nurse, 'DAILY_OVERTIME_CAP', '2025-10-01'],
    ]);
    expect((await who({}, asManager(lead))).map(([id]: string[]) => id)).toEqual([
      lead,
      nurse,
      nurse,
      nurse,
    ]);
    expect(await who({ filter: { employeeId: nurse } }, asManager(boss))).toHaveLength(3);
    expect(
      await errorOf(VIOLATIONS, { filter: { employeeId: porter } }, asManager(lead)),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows an employee their own, and refuses them anyone else’s', async () => {
    expect((await who({}, asEmployee(porter))).map(([id]: string[]) => id)).toEqual([porter]);
    expect(
      await errorOf(VIOLATIONS, { filter: { employeeId: nurse } }, asEmployee(porter)),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const [theirs] = (await list({ filter: { employeeId: nurse } })).nodes;
    expect(await errorOf(VIOLATION, { id: theirs.id }, asEmployee(porter))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const one = await h.gql(VIOLATION, { id: theirs.id }, asEmployee(nurse));
    expect(one.data!.complianceViolation).toMatchObject({ id: theirs.id, employeeId: nurse });
    expect(
      await errorOf(VIOLATIONS, {}, { role: 'PARTNER', sub: 'partner-1', scopes: [] }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets HR close a violation with a note, once, and says so in an event', async () => {
    const [open] = (await list({ filter: { employeeId: outsider } })).nodes;
    const closed = await h.gql(CLOSE, { id: open.id, note: '  Rota changed after a talk.  ' }, hr);
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeComplianceViolation).toEqual({
      id: open.id,
      status: 'CLOSED',
      closedAt: '2025-11-01T12:00:00.000Z',
      closedBy: hr.sub,
      closingNote: 'Rota changed after a talk.',
    });
    expect(await who({ filter: { employeeId: outsider, status: 'CLOSED' } })).toHaveLength(1);
    const [event] = (await h.events('compliance.violation.closed')).filter(
      (e) => e.data.violationId === open.id,
    );
    expect(event.data).toEqual({
      violationId: open.id,
      employeeId: outsider,
      rule: 'DAILY_OVERTIME_CAP',
      version: 2,
      closedAt: '2025-11-01T12:00:00.000Z',
      closedBy: hr.sub,
      note: 'Rota changed after a talk.',
    });
    expect(await errorOf(CLOSE, { id: open.id, note: 'Again' })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses an empty note, an unknown violation, and anyone but HR and ADMIN', async () => {
    const [open] = (await list({ filter: { employeeId: porter } })).nodes;
    expect(await errorOf(CLOSE, { id: open.id, note: '   ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'note',
    });
    expect(await errorOf(CLOSE, { id: open.id, note: 'x'.repeat(2001) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'note',
    });
    expect(
      await errorOf(CLOSE, { id: '0190a6e2-5b7c-7d3e-9f10-000000000000', note: 'Done' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    for (const caller of [asManager(boss), asEmployee(porter), auditor])
      expect(await errorOf(CLOSE, { id: open.id, note: 'Done' }, caller)).toMatchObject({
        code: 'FORBIDDEN',
      });
    const byAdmin = await h.gql(CLOSE, { id: open.id, note: 'Done' }, admin);
    expect(byAdmin.data!.closeComplianceViolation.status).toBe('CLOSED');
  });
});
