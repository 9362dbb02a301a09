import type { Scheduler } from '../../../messaging';
import { createTestScheduler } from '../../../test-support/createTestScheduler';
import { REMINDER_JOB, trainingReminderJob } from '../src/training/reminders';
import { NOW, startCompliance, type ComplianceHarness } from './support';

const CREATE = `mutation ($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id } }`;
const ASSIGN = `mutation ($input: AssignTrainingInput!) { assignTraining(input: $input) { assignments { id } } }`;
const RECORD = `mutation ($input: RecordTrainingCompletionInput!) {
  recordTrainingCompletion(input: $input) { id }
}`;

describe('the daily training job', () => {
  const clock = { now: NOW };
  const deps = { now: () => clock.now, trainingReminderDays: 30 };
  let h: ComplianceHarness;
  let scheduler: Scheduler;
  let runs = 0;

  beforeAll(async () => {
    // Workers off: the job runs when the test says, on the test's clock.
    h = await startCompliance(deps, { runWorkers: false });
    scheduler = createTestScheduler(h, 'compliance', trainingReminderJob(deps), () => clock.now);
  });
  afterAll(() => h.stop());

  /** Runs the job once more (a new occurrence), and returns the reminders it raised. */
  async function run() {
    const before = (await h.events('compliance.training.due_reached')).length;
    await scheduler.schedule({ id: `test-run-${++runs}`, job: REMINDER_JOB, runAt: clock.now });
    // After a run the job plans its daily occurrences, which may be due on the test's clock too.
    expect(await scheduler.runDue()).toBeGreaterThanOrEqual(1);
    return (await h.events('compliance.training.due_reached')).slice(before);
  }

  it('plans one run a day at 06:00, today and tomorrow', () => {
    const plan = trainingReminderJob(deps).plan!(new Date('2025-11-01T12:00:00Z'));
    expect(plan.map((d) => [d.id, d.runAt.toISOString()])).toEqual([
      [`${REMINDER_JOB}:2025-11-01`, '2025-11-01T06:00:00.000Z'],
      [`${REMINDER_JOB}:2025-11-02`, '2025-11-02T06:00:00.000Z'],
    ]);
  });

  it('raises one reminder per assignment and due date, and a second run nothing new', async () => {
    const fire = (
      await h.gql(CREATE, { input: { code: 'FIRE', title: 'Fire safety', validityMonths: 12 } })
    ).data!.createTrainingCourse.id;
    const manager = await h.hire();
    const soon = await h.hire({ managerId: manager });
    const later = await h.hire();
    const renewing = await h.hire();
    const leaver = await h.hire();
    await h.gql(ASSIGN, {
      input: { courseId: fire, employeeIds: [soon, leaver], dueDate: '2025-11-20' },
    });
    await h.gql(ASSIGN, { input: { courseId: fire, employeeIds: [later], dueDate: '2026-01-31' } });
    await h.gql(RECORD, {
      input: { employeeId: renewing, courseId: fire, completedOn: '2024-11-15' },
    });
    await h.employeeEvent('employees.employee.terminated', {
      employeeId: leaver,
      employeeNumber: 'E9',
      version: 2,
      terminationDate: '2025-11-01',
    });

    const first = await run();
    expect(
      first.map((e) => e.data).sort((x, y) => String(x.dueDate).localeCompare(String(y.dueDate))),
    ).toEqual([
      expect.objectContaining({
        employeeId: renewing,
        dueDate: '2025-11-15',
        status: 'EXPIRING',
        renewal: true,
        courseCode: 'FIRE',
      }),
      expect.objectContaining({
        employeeId: soon,
        managerId: manager,
        dueDate: '2025-11-20',
        status: 'DUE',
        renewal: false,
        courseTitle: 'Fire safety',
      }),
    ]);
    expect(await run()).toEqual([]);

    // Overdue now, but for the same due date: nothing new.
    clock.now = new Date('2025-11-21T07:00:00Z');
    expect(await run()).toEqual([]);
    // The later one enters the window.
    clock.now = new Date('2026-01-05T07:00:00Z');
    expect((await run()).map((e) => [e.data.employeeId, e.data.status])).toEqual([[later, 'DUE']]);
    // A renewal makes a new expiry date, reminded of in its turn.
    await h.gql(RECORD, {
      input: { employeeId: renewing, courseId: fire, completedOn: '2025-01-06' },
    });
    expect((await run()).map((e) => [e.data.employeeId, e.data.dueDate])).toEqual([
      [renewing, '2026-01-06'],
    ]);
    expect(await run()).toEqual([]);
    clock.now = NOW;
  });

  it('gives a department’s course to a member whose joining it missed', async () => {
    const course = (await h.gql(CREATE, { input: { code: 'WARD', title: 'Ward safety' } })).data!
      .createTrainingCourse.id;
    await h.gql(ASSIGN, {
      input: { courseId: course, department: 'Ward 9', dueDate: '2025-12-01' },
    });
    // Known to the copy, but the joiner consumer never ran for them.
    const missed = await h.hire({ department: 'Ward 9' });
    await run();
    const rows = await h.runtime.orm.em.fork().find('TrainingAssignment', { employeeId: missed });
    expect(rows).toMatchObject([{ courseId: course, department: 'Ward 9', dueDate: '2025-12-01' }]);
  });
});
