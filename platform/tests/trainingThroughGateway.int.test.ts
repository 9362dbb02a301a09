import { DateTime } from 'luxon';
import { contractOperation as op } from '../../test-support/contractOperation';
import { platformSuite } from '../../test-support/platformSuite';
import { createPerson } from '../../test-support/seedOrganisation';
import { waitFor } from '../../test-support/waitFor';

const HR = { role: 'HR' as const, sub: 'service:hr' };
const CREATE_COURSE = `mutation ($input: CreateTrainingCourseInput!) {
  createTrainingCourse(input: $input) { id }
}`;
const ASSIGN = `mutation ($input: AssignTrainingInput!) {
  assignTraining(input: $input) { assignments { id status } }
}`;

// Training end to end over real NATS: compliance learns the person from employees' events,
// HR assigns a course due within the reminder window, the daily job raises the reminder,
// and notifications turns it into the employee's notification.
describe('training through the gateway', () => {
  const tp = platformSuite();

  it("the scheduled job's reminder becomes the employee's notification", async () => {
    const nurse = await createPerson(tp, 'Tara', 'Ining');
    const course = await tp.graphql(
      CREATE_COURSE,
      { input: { code: 'HAND-HYGIENE', title: 'Hand hygiene', validityMonths: 12 } },
      HR,
    );
    expect(course.errors).toBeUndefined();
    const dueDate = DateTime.now().setZone('Europe/London').plus({ days: 5 }).toISODate()!;
    // Compliance knows the person once employees' event has reached it.
    await waitFor(async () => {
      const reply = await tp.graphql(
        ASSIGN,
        {
          input: {
            courseId: course.data!.createTrainingCourse.id,
            employeeIds: [nurse.id],
            dueDate,
          },
        },
        HR,
      );
      return reply.errors ? undefined : reply.data!.assignTraining.assignments;
    });

    const compliance = tp.platform.runtimes.compliance!;
    await compliance.scheduler!.schedule({
      id: `compliance.trainingReminders:test-${Date.now()}`,
      job: 'compliance.trainingReminders',
      runAt: new Date(),
    });
    await compliance.runDueJobs();

    const me = { role: 'EMPLOYEE' as const, sub: nurse.id };
    const notification = await waitFor(async () => {
      const { data } = await tp.graphql(op('MyNotifications'), { first: 20 }, me);
      return data?.myNotifications.nodes.find((n: { type: string }) => n.type === 'TRAINING_DUE');
    });
    expect(notification).toMatchObject({
      title: 'Training due: HAND-HYGIENE',
      body: `Please complete Hand hygiene (HAND-HYGIENE) by ${dueDate}.`,
      status: 'UNREAD',
    });
    // The assignment was told too; the reminder only once.
    const types: string[] = await waitFor(async () => {
      const { data } = await tp.graphql(op('MyNotifications'), { first: 20 }, me);
      const all = data?.myNotifications.nodes.map((n: { type: string }) => n.type);
      return all?.includes('TRAINING_ASSIGNED') ? all : undefined;
    });
    expect(types.filter((t) => t === 'TRAINING_DUE')).toHaveLength(1);
  });
});
