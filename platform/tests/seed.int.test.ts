import { runSeed, seedCalendar, type SeedSummary } from '../../bin/seed';
import type { Caller } from '../../test-support/createTestPlatform';
import { platformSuite } from '../../test-support/platformSuite';

// `npm run seed` against the whole platform: what HR, a manager and an employee then see,
// and a second run that changes none of it. A small organisation keeps it quick; the
// command's default is about fifty people.
describe('the demo organisation seed', () => {
  const tp = platformSuite();
  let summary: SeedSummary;
  const days = 3;
  const calendar = seedCalendar(new Date(), days);
  const seed = () => runSeed({ url: tp.url, token: (caller) => tp.token(caller), size: 12, days });
  const hr: Caller = { role: 'HR', sub: 'service:test' };

  const query = async <D = Record<string, any>>(
    text: string,
    variables = {},
    caller: Caller = hr,
  ) => {
    const result = await tp.graphql<D>(text, variables, caller);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  /** What a user sees of the organisation, in numbers. */
  const snapshot = async () => {
    const { employees } = await query(
      `{ employees(first: 100) { totalCount nodes { id department
          leaveRequests(first: 50) { nodes { status } }
          timeEntries(from: "${calendar.workdays[0]}T00:00:00Z", to: "${calendar.today}T00:00:00Z") { id }
          attendanceEntries(from: "${calendar.workdays[0]}", to: "${calendar.today}") { id }
          training { course { code } dueDate completedOn } } } }`,
    );
    const { trainingCourses } = await query(`{ trainingCourses(first: 100) { nodes { code } } }`);
    const { rateCards } = await query(
      `{ rateCards { grade effectiveFrom kind } }`,
      {},
      {
        role: 'FINANCE',
        sub: 'service:test',
      },
    );
    const nodes = employees.nodes as any[];
    const departments: Record<string, number> = {};
    const leave: Record<string, number> = {};
    for (const e of nodes) {
      departments[e.department] = (departments[e.department] ?? 0) + 1;
      for (const r of e.leaveRequests.nodes) leave[r.status] = (leave[r.status] ?? 0) + 1;
    }
    const count = (field: string) => nodes.reduce((n, e) => n + e[field].length, 0);
    return {
      people: employees.totalCount as number,
      departments,
      leave,
      timeEntries: count('timeEntries'),
      attendanceEntries: count('attendanceEntries'),
      training: nodes.flatMap((e) => e.training).length,
      courses: trainingCourses.nodes.length as number,
      rateCards: rateCards.length as number,
    };
  };

  beforeAll(async () => {
    summary = await seed();
  }, 300_000);

  it('puts people in departments, with managers over two levels', async () => {
    const seen = await snapshot();
    expect(seen.people).toBe(12);
    expect(seen.departments).toEqual(summary.departments);
    expect(Object.keys(seen.departments).length).toBeGreaterThanOrEqual(6);

    const { employee } = await query(
      `query ($id: ID!) { employee(id: $id) { directReports { firstName lastName department }
         reports(first: 50) { totalCount } } }`,
      { id: summary.ids['director'] },
    );
    expect(employee.directReports).toHaveLength(6);
    expect(employee.reports.totalCount).toBe(11);
    const manager = await query(
      `query ($id: ID!) { employee(id: $id) { directReports { firstName lastName department } } }`,
      { id: summary.ids['ed-manager'] },
      { role: 'MANAGER', sub: summary.ids['ed-manager']! },
    );
    expect(manager.employee.directReports).toEqual([
      { firstName: 'Aisha', lastName: 'Khan', department: 'Emergency Medicine' },
    ]);
  });

  it('gives everyone time entries in the last month and attendance, some of it late', async () => {
    const seen = await snapshot();
    expect(seen.timeEntries).toBe(12 * calendar.workdays.length);
    expect(seen.attendanceEntries).toBe(12 * calendar.attendanceDays.length);
    const nurse = summary.ids['emergency-medicine-1']!;
    const { employee } = await query(
      `query ($id: ID!, $from: DateTime!, $to: DateTime!) { employee(id: $id) {
         timeEntries(from: $from, to: $to) { startTime endTime } } }`,
      { id: nurse, from: `${calendar.workdays[0]}T00:00:00Z`, to: `${calendar.today}T00:00:00Z` },
      { role: 'EMPLOYEE', sub: nurse },
    );
    expect(employee.timeEntries.length).toBe(calendar.workdays.length);
    const lateness = await Promise.all(
      Object.values(summary.ids).map(async (id) => {
        const { employee: e } = await query(
          `query ($id: ID!, $from: Date!, $to: Date!) { employee(id: $id) { lateArrivals(from: $from, to: $to) { date } } }`,
          { id, from: calendar.attendanceDays[0], to: calendar.attendanceDays.at(-1) },
        );
        return e.lateArrivals.length as number;
      }),
    );
    expect(lateness.reduce((a, b) => a + b, 0)).toBe(summary.attendance.late);
    expect(summary.attendance.late).toBeGreaterThan(0);
  });

  it('leaves requests in each status, and training to do', async () => {
    const seen = await snapshot();
    expect(seen.leave).toEqual({ PENDING: 1, APPROVED: 1, REJECTED: 1, CANCELLED: 1 });
    expect(seen.courses).toBe(3);
    expect(seen.rateCards).toBe(7);
    expect(seen.training).toBe(summary.training.assignments);
    // The pending request waits for its manager's decision: the HR lead's, by the director.
    const { pendingLeaveApprovals } = await query(
      `{ pendingLeaveApprovals(first: 10) { nodes { employee { firstName } } } }`,
      {},
      { role: 'MANAGER', sub: summary.ids['director']! },
    );
    expect(pendingLeaveApprovals.nodes).toEqual([{ employee: { firstName: 'Hannah' } }]);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const again = await seed();
    expect(again.ids).toEqual(summary.ids);
    expect(await snapshot()).toEqual(before);
  }, 300_000);
});
