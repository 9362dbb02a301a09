import { COURSES, completedFireSafety } from '../organisation';
import type { SeedContext } from '../SeedContext';
import { idOf, staffOf } from '../SeedContext';

const COURSES_QUERY = `query SeedCourses { trainingCourses(first: 100, includeRetired: true) { nodes { id code } } }`;
const CREATE_COURSE = `mutation SeedCourse($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id code } }`;
const ASSIGN = `mutation SeedAssign($input: AssignTrainingInput!) { assignTraining(input: $input) { __typename } }`;
const COMPLETE = `mutation SeedCompletion($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { id } }`;

export interface TrainingSummary {
  courses: number;
  assignments: number;
  completions: number;
}

/**
 * Compliance courses, found by code or created; assigned to everyone or to a department
 * (assigning again keeps the earlier due date), and fire safety already done by half the
 * staff (recording the same completion again changes nothing).
 */
export async function seedTraining(ctx: SeedContext): Promise<TrainingSummary> {
  const { trainingCourses } = await ctx.client.request<{
    trainingCourses: { nodes: { id: string; code: string }[] };
  }>(ctx.hr, COURSES_QUERY);
  const courseIds = new Map(trainingCourses.nodes.map((c) => [c.code, c.id]));
  let assignments = 0;
  for (const course of COURSES) {
    if (!courseIds.has(course.code)) {
      const input = {
        code: course.code,
        title: course.title,
        ...(course.validityMonths && { validityMonths: course.validityMonths }),
      };
      const { createTrainingCourse } = await ctx.client.request<{
        createTrainingCourse: { id: string };
      }>(ctx.hr, CREATE_COURSE, { input });
      courseIds.set(course.code, createTrainingCourse.id);
    }
    const people = ctx.people.filter(
      (p) => !course.department || p.department === course.department,
    );
    const input = {
      courseId: courseIds.get(course.code),
      employeeIds: people.map((p) => idOf(ctx, p.key)),
      dueDate: ctx.calendar.inDays(course.dueInDays),
    };
    // Compliance hears of new employees by event.
    await ctx.client.eventually(() => ctx.client.request(ctx.hr, ASSIGN, { input }));
    assignments += people.length;
  }
  const done = staffOf(ctx).filter((_, i) => completedFireSafety(i));
  for (const [i, person] of done.entries())
    await ctx.client.request(ctx.hr, COMPLETE, {
      input: {
        employeeId: idOf(ctx, person.key),
        courseId: courseIds.get('FIRE-SAFETY'),
        completedOn: ctx.calendar.inDays(-20 - i),
      },
    });
  ctx.log(
    `training: ${COURSES.length} courses, ${assignments} assignments, ${done.length} completions`,
  );
  return { courses: COURSES.length, assignments, completions: done.length };
}
