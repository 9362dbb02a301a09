import { managerChainsSql, requestSql } from '../../../test-support/sqlShape';
import { onlyError } from '../../../test-support/startSubgraph';
import { asEmployee, asManager, auditor, NOW, startCompliance } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';
import { hireLine } from '../../../test-support/hireLine';

const CREATE = `mutation ($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id } }`;
const ASSIGN = `mutation ($input: AssignTrainingInput!) { assignTraining(input: $input) { assignments { id } } }`;
const RECORD = `mutation ($input: RecordTrainingCompletionInput!) {
  recordTrainingCompletion(input: $input) { id }
}`;
const LIST = `query ($filter: TrainingAssignmentFilter, $first: Int, $after: String) {
  trainingAssignments(filter: $filter, first: $first, after: $after) {
    nodes { id employeeId employee { id } dueDate status course { code } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const TRAINING = '... on Employee { id training { employeeId status course { code } } }';

interface Row {
  id: string;
  employeeId: string;
  dueDate: string;
  status: string;
  course: { code: string };
}

describe('training status and who sees it', () => {
  const clock = { now: NOW };
  let fire: string;
  let ethics: string;
  // top ← middle ← deep; top ← direct; other ← outsider
  let top: string, middle: string, deep: string, direct: string, other: string, outsider: string;

  const h = suiteHarness(() => startCompliance({ now: () => clock.now, trainingReminderDays: 30 }));
  beforeAll(async () => {
    fire = (
      await h.gql(CREATE, { input: { code: 'FIRE', title: 'Fire safety', validityMonths: 12 } })
    ).data!.createTrainingCourse.id;
    ethics = (await h.gql(CREATE, { input: { code: 'ETHICS', title: 'Ethics' } })).data!
      .createTrainingCourse.id;
    [top, middle, deep] = await hireLine(h);
    direct = await h.hire({ managerId: top });
    other = await h.hire();
    outsider = await h.hire({ managerId: other });
    await h.gql(ASSIGN, {
      input: { courseId: fire, employeeIds: [deep, direct, outsider], dueDate: '2025-11-20' },
    });
    await h.gql(ASSIGN, {
      input: { courseId: ethics, employeeIds: [deep], dueDate: '2025-11-01' },
    });
    await h.gql(RECORD, {
      input: { employeeId: direct, courseId: fire, completedOn: '2024-12-01' },
    });
  });

  const list = async (filter: Record<string, unknown> = {}, caller = auditor): Promise<Row[]> => {
    const reply = await h.gql(LIST, { filter, first: 500 }, caller);
    expect(reply.errors).toBeUndefined();
    const nodes = reply.data!.trainingAssignments.nodes as (Row & { employee: unknown })[];
    // Each names the person for the gateway to fetch their name from employees.
    for (const node of nodes) expect(node.employee).toEqual({ id: node.employeeId });
    return nodes;
  };
  const statusOf = async (employeeId: string, code: string) =>
    (await list({ employeeId })).find((r) => r.course.code === code)!.status;

  /** Each status filter lists exactly the rows that stand so. */
  async function expectFiltersAgree(): Promise<void> {
    const all = await list();
    for (const status of ['DUE', 'COMPLETED', 'EXPIRING', 'OVERDUE']) {
      const ids = (await list({ status })).map((r) => r.id).sort();
      expect(ids).toEqual(
        all
          .filter((r) => r.status === status)
          .map((r) => r.id)
          .sort(),
      );
    }
  }

  it('moves from DUE to OVERDUE to COMPLETED to EXPIRING to OVERDUE as days pass', async () => {
    expect(await statusOf(deep, 'FIRE')).toBe('DUE');
    expect(await statusOf(direct, 'FIRE')).toBe('EXPIRING'); // expires 2025-12-01
    await expectFiltersAgree();
    clock.now = new Date('2025-11-21T09:00:00Z');
    expect(await statusOf(deep, 'FIRE')).toBe('OVERDUE');
    expect(await statusOf(deep, 'ETHICS')).toBe('OVERDUE');
    await h.gql(RECORD, { input: { employeeId: deep, courseId: fire, completedOn: '2025-11-21' } });
    expect(await statusOf(deep, 'FIRE')).toBe('COMPLETED');
    await expectFiltersAgree();
    clock.now = new Date('2026-10-25T09:00:00Z');
    expect(await statusOf(deep, 'FIRE')).toBe('EXPIRING');
    await expectFiltersAgree();
    clock.now = new Date('2026-11-21T09:00:00Z');
    expect(await statusOf(deep, 'FIRE')).toBe('OVERDUE');
    await expectFiltersAgree();
    clock.now = NOW;
  });

  it('lists by due date, a page at a time', async () => {
    const all = await list();
    const dates = all.map((r) => r.dueDate);
    expect(dates).toEqual([...dates].sort());
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const reply = await h.gql(LIST, { first: 2, after }, auditor);
      const page = reply.data!.trainingAssignments;
      seen.push(...page.nodes.map((n: Row) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((r) => r.id));
    const bad = onlyError(await h.gql(LIST, { after: 'nonsense' }, auditor));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('counts what the caller may read and the filter selects, the same on every page', async () => {
    const COUNTED = `query ($filter: TrainingAssignmentFilter, $first: Int) {
      trainingAssignments(filter: $filter, first: $first) { totalCount }
    }`;
    const asked: [Record<string, unknown>, typeof auditor][] = [
      [{}, auditor],
      [{ status: 'DUE' }, auditor],
      [{ courseId: fire }, auditor],
      [{}, asManager(top)],
      [{ managerId: middle }, asManager(top)],
      [{}, asEmployee(deep)],
    ];
    for (const [filter, caller] of asked) {
      const reply = await h.gql(COUNTED, { filter, first: 1 }, caller);
      expect(reply.errors).toBeUndefined();
      expect(reply.data!.trainingAssignments.totalCount).toBe((await list(filter, caller)).length);
    }
  });

  it('an employee sees only their own training', async () => {
    const own = await list({}, asEmployee(deep));
    expect(new Set(own.map((r) => r.employeeId))).toEqual(new Set([deep]));
    for (const filter of [{ employeeId: direct }, { managerId: top }]) {
      const error = onlyError(await h.gql(LIST, { filter }, asEmployee(deep)));
      expect(error.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it("a manager sees their team's, direct and indirect, and no other team's", async () => {
    const team = await list({}, asManager(top));
    expect(new Set(team.map((r) => r.employeeId))).toEqual(new Set([deep, direct]));
    const subTeam = await list({ managerId: middle }, asManager(top));
    expect(new Set(subTeam.map((r) => r.employeeId))).toEqual(new Set([deep]));
    expect((await list({ employeeId: deep }, asManager(top))).length).toBe(2);
    for (const filter of [{ managerId: other }, { employeeId: outsider }, { managerId: top }]) {
      const caller = filter.managerId === top ? asManager(middle) : asManager(top);
      const error = onlyError(await h.gql(LIST, { filter }, caller));
      expect(error.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it("gives a manager their team's overdue list", async () => {
    clock.now = new Date('2025-11-21T09:00:00Z');
    try {
      const overdue = await list({ status: 'OVERDUE' }, asManager(top));
      // deep completed FIRE on the 21st (above); ETHICS was due on the 1st.
      expect(overdue.map((r) => [r.employeeId, r.course.code])).toEqual([[deep, 'ETHICS']]);
      expect(
        (await list({ status: 'OVERDUE' }, asManager(other))).map((r) => r.employeeId),
      ).toEqual([outsider]);
    } finally {
      clock.now = NOW;
    }
  });

  it('refuses partners', async () => {
    const error = onlyError(await h.gql(LIST, {}, { role: 'PARTNER', sub: 'p' }));
    expect(error.extensions!.code).toBe('FORBIDDEN');
  });

  it("Employee.training: the person, their managers and HR; not another team's manager", async () => {
    const ref = [{ __typename: 'Employee', id: deep }];
    for (const caller of [asEmployee(deep), asManager(top), asManager(middle), auditor]) {
      const reply = await h.entities(ref, TRAINING, {}, '', caller);
      expect(reply.errors).toBeUndefined();
      expect(reply.data!._entities[0].training).toHaveLength(2);
    }
    for (const caller of [
      asManager(other),
      asEmployee(direct),
      { role: 'PARTNER' as const, sub: 'p' },
    ]) {
      const reply = await h.entities(ref, TRAINING, {}, '', caller);
      expect(reply.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('answers a team of references with a constant number of queries', async () => {
    const refs = [deep, direct, middle].map((id) => ({ __typename: 'Employee', id }));
    const sql = await h.countQueries(() => h.entities(refs, TRAINING, {}, '', asManager(top)));
    // The chains, the assignments, their courses: one query each for the whole team.
    expect(requestSql(sql)).toEqual([
      managerChainsSql('compliance_employees', 3),
      'select t0.* from compliance_training_assignments as t0 where t0.employee_id in (3 values) order by t0.due_date asc, t0.id asc',
      'select t0.* from compliance_training_courses as t0 where t0.id in (2 values)',
    ]);
  });
});
