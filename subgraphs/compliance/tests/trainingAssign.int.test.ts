import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase } from '../../../test-support/database';
import { createdData } from '../../../test-support/employeeEvents';
import { onlyError } from '../../../test-support/startSubgraph';
import { auditor, startCompliance } from './support';
import { suiteHarness } from '../../../test-support/suiteHarness';

const CREATE = `mutation ($input: CreateTrainingCourseInput!) {
  createTrainingCourse(input: $input) { id }
}`;
const ASSIGN = `mutation ($input: AssignTrainingInput!) {
  assignTraining(input: $input) {
    assignments { id employeeId department dueDate status course { code } }
  }
}`;
const RETIRE = `mutation ($id: ID!) { updateTrainingCourse(input: { id: $id, retired: true }) { retired } }`;

describe('assigning training', () => {
  const h = suiteHarness(startCompliance);
  let course: string;
  beforeAll(async () => {
    course = (await h.gql(CREATE, { input: { code: 'IG', title: 'Information governance' } })).data!
      .createTrainingCourse.id;
  });

  const assign = (input: Record<string, unknown>, caller?: Parameters<typeof h.gql>[2]) =>
    h.gql(ASSIGN, { input: { courseId: course, ...input } }, caller);

  it('assigns a course to people, once each, telling each in compliance.training.assigned', async () => {
    const a = await h.hire();
    const b = await h.hire();
    const reply = await assign({ employeeIds: [a, b, a], dueDate: '2025-12-01' });
    expect(reply.errors).toBeUndefined();
    const made = reply.data!.assignTraining.assignments;
    expect(made).toHaveLength(2);
    expect(made[0]).toMatchObject({ dueDate: '2025-12-01', status: 'DUE', department: null });
    const events = (await h.events('compliance.training.assigned')).filter((e) =>
      [a, b].includes(e.data.employeeId as string),
    );
    expect(events.map((e) => e.data.employeeId).sort()).toEqual([a, b].sort());
    expect(events[0]!.data).toMatchObject({ courseCode: 'IG', dueDate: '2025-12-01' });
  });

  it('keeps one assignment per person and course: the earliest due date wins', async () => {
    const a = await h.hire();
    await assign({ employeeIds: [a], dueDate: '2026-01-31' });
    const later = await assign({ employeeIds: [a], dueDate: '2026-03-01' });
    expect(later.data!.assignTraining.assignments).toMatchObject([{ dueDate: '2026-01-31' }]);
    const earlier = await assign({ employeeIds: [a], dueDate: '2025-12-15' });
    expect(earlier.data!.assignTraining.assignments).toMatchObject([{ dueDate: '2025-12-15' }]);
    const events = (await h.events('compliance.training.assigned')).filter(
      (e) => e.data.employeeId === a,
    );
    // Made, then brought forward; the later date changed nothing.
    expect(events.map((e) => e.data.dueDate)).toEqual(['2026-01-31', '2025-12-15']);
    const rows = await h.runtime.orm.em.fork().find('TrainingAssignment', { employeeId: a });
    expect(rows).toHaveLength(1);
  });

  it('assigns to everyone in a department now, and to whoever joins it later', async () => {
    const nurse = await h.hire({ department: 'Cardiology' });
    const other = await h.hire({ department: 'cardiology' });
    const elsewhere = await h.hire({ department: 'Radiology' });
    const left = await h.hire({ department: 'Cardiology', status: 'TERMINATED' });
    const reply = await assign({ department: 'Cardiology', dueDate: '2025-12-31' });
    expect(reply.errors).toBeUndefined();
    const people = reply.data!.assignTraining.assignments.map(
      (x: { employeeId: string }) => x.employeeId,
    );
    expect(people.sort()).toEqual([nurse, other].sort());
    expect(people).not.toContain(elsewhere);
    expect(people).not.toContain(left);

    // A new hire into the department, and someone moved into it.
    const joiner = uuidv7();
    await h.send('employees.employee.created', createdData(joiner, { department: 'Cardiology' }));
    await h.send('employees.employee.updated', {
      employeeId: elsewhere,
      employeeNumber: 'E1',
      version: 2,
      changes: { department: { old: 'Radiology', new: 'Cardiology' } },
    });
    const list = await h.gql(
      `query ($filter: TrainingAssignmentFilter) {
        trainingAssignments(filter: $filter) { nodes { employeeId department dueDate } }
      }`,
      { filter: { courseId: course, department: 'Cardiology' } },
    );
    const byPerson = new Map(
      list.data!.trainingAssignments.nodes.map((n: { employeeId: string }) => [n.employeeId, n]),
    );
    expect(byPerson.get(joiner)).toMatchObject({ department: 'Cardiology', dueDate: '2025-12-31' });
    expect(byPerson.get(elsewhere)).toMatchObject({ department: 'Cardiology' });
    const told = (await h.events('compliance.training.assigned')).map((e) => e.data.employeeId);
    expect(told).toEqual(expect.arrayContaining([joiner, elsewhere]));
  });

  it('gives a later joiner the rule’s lead time once its due date has passed', async () => {
    const db = await createTestDatabase();
    try {
      const before = await startCompliance({}, { db });
      const id = (await before.gql(CREATE, { input: { code: 'BLS', title: 'Basic life support' } }))
        .data!.createTrainingCourse.id;
      // Given on 1 November, due a fortnight later.
      await before.gql(ASSIGN, {
        input: { courseId: id, department: 'Wards', dueDate: '2025-11-15' },
      });
      await before.stop();
      const after = await startCompliance({ now: () => new Date('2026-01-10T12:00:00Z') }, { db });
      const joiner = uuidv7();
      await after.send('employees.employee.created', createdData(joiner, { department: 'Wards' }));
      const rows = await after.runtime.orm.em
        .fork()
        .find('TrainingAssignment', { employeeId: joiner });
      await after.stop();
      expect(rows).toMatchObject([{ dueDate: '2026-01-24', department: 'Wards' }]);
    } finally {
      await db.drop();
    }
  });

  it('refuses both or neither target, unknown people, past dates, retired courses and non-HR', async () => {
    const a = await h.hire();
    const cases: [Record<string, unknown>, string][] = [
      [{ employeeIds: [a], department: 'X', dueDate: '2025-12-01' }, 'input.employeeIds'],
      [{ dueDate: '2025-12-01' }, 'input.employeeIds'],
      [{ employeeIds: [], dueDate: '2025-12-01' }, 'input.employeeIds'],
      [{ employeeIds: [uuidv7()], dueDate: '2025-12-01' }, 'input.employeeIds'],
      [{ employeeIds: [a], dueDate: '2025-10-31' }, 'input.dueDate'],
      [{ employeeIds: [a], dueDate: '2025-13-01' }, 'input.dueDate'],
      [{ department: '  ', dueDate: '2025-12-01' }, 'input.department'],
    ];
    for (const [input, field] of cases)
      expect(onlyError(await assign(input)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    const tooMany = Array.from({ length: 501 }, () => uuidv7());
    expect(
      onlyError(await assign({ employeeIds: tooMany, dueDate: '2025-12-01' })).extensions,
    ).toMatchObject({ field: 'input.employeeIds' });
    // Today is fine.
    expect((await assign({ employeeIds: [a], dueDate: '2025-11-01' })).errors).toBeUndefined();
    expect(
      onlyError(await assign({ employeeIds: [a], dueDate: '2025-12-01' }, auditor)).extensions!
        .code,
    ).toBe('FORBIDDEN');

    const old = (await h.gql(CREATE, { input: { code: 'OLD', title: 'Old course' } })).data!
      .createTrainingCourse.id;
    await h.gql(RETIRE, { id: old });
    const retired = onlyError(
      await h.gql(ASSIGN, { input: { courseId: old, employeeIds: [a], dueDate: '2025-12-01' } }),
    );
    expect(retired.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.courseId' });
    const missing = onlyError(
      await h.gql(ASSIGN, {
        input: { courseId: uuidv7(), employeeIds: [a], dueDate: '2025-12-01' },
      }),
    );
    expect(missing.extensions!.code).toBe('NOT_FOUND');
  });
});
