import { draftOf, type EventData } from '../../../../messaging';
import type { TrainingAssignment, TrainingCourse } from './entities';

export const COURSE_CREATED = 'compliance.course.created';
export const COURSE_UPDATED = 'compliance.course.updated';
export const TRAINING_ASSIGNED = 'compliance.training.assigned';
export const TRAINING_COMPLETED = 'compliance.training.completed';
/**
 * An assignment falls due (or its completion expires) within the reminder window, or is
 * overdue. The issue called it `compliance.training.due`; the catalogue's naming rule asks
 * for a past tense, hence "due_reached".
 */
export const TRAINING_DUE_REACHED = 'compliance.training.due_reached';

/** The fields of a course a change may change. */
export type CourseChanges = EventData<typeof COURSE_UPDATED>['changes'];
export type ChangeableField = keyof CourseChanges;

/** What a course event says: the whole course, it is small. */
const courseData = (course: TrainingCourse) => ({
  courseId: course.id,
  code: course.code,
  title: course.title,
  description: course.description ?? null,
  validityMonths: course.validityMonths ?? null,
  retired: course.retired,
  version: course.version,
});

/** What an assignment event says of the assignment and its course. */
const assignmentData = (a: TrainingAssignment, course: TrainingCourse) => ({
  assignmentId: a.id,
  employeeId: a.employeeId,
  courseId: course.id,
  courseCode: course.code,
  courseTitle: course.title,
  version: a.version,
});

export const courseCreated = (course: TrainingCourse) =>
  draftOf(COURSE_CREATED, course.id, courseData(course));

/** Each changed field before and after. */
function changesOf(
  before: TrainingCourse,
  after: TrainingCourse,
  changed: readonly ChangeableField[],
): CourseChanges {
  const changes: CourseChanges = {};
  if (changed.includes('title')) changes.title = { old: before.title, new: after.title };
  if (changed.includes('description'))
    changes.description = { old: before.description ?? null, new: after.description ?? null };
  if (changed.includes('validityMonths'))
    changes.validityMonths = {
      old: before.validityMonths ?? null,
      new: after.validityMonths ?? null,
    };
  if (changed.includes('retired')) changes.retired = { old: before.retired, new: after.retired };
  return changes;
}

export const courseUpdated = (
  before: TrainingCourse,
  after: TrainingCourse,
  changed: readonly ChangeableField[],
) =>
  draftOf(COURSE_UPDATED, after.id, {
    ...courseData(after),
    changes: changesOf(before, after, changed),
  });

export const trainingAssigned = (a: TrainingAssignment, course: TrainingCourse) =>
  draftOf(TRAINING_ASSIGNED, a.id, {
    ...assignmentData(a, course),
    dueDate: a.dueDate,
    department: a.department ?? null,
  });

export const trainingCompleted = (
  before: TrainingAssignment,
  after: TrainingAssignment & { completedOn: string },
  course: TrainingCourse,
  source: 'MANUAL' | 'IMPORT',
) =>
  draftOf(TRAINING_COMPLETED, after.id, {
    ...assignmentData(after, course),
    completedOn: after.completedOn,
    expiresOn: after.expiresOn ?? null,
    previousCompletedOn: before.completedOn ?? null,
    source,
  });

/** The assignment falls due or expires: `dueDate` is the deadline of the two. */
export const trainingDueReached = (data: EventData<typeof TRAINING_DUE_REACHED>) =>
  draftOf(TRAINING_DUE_REACHED, data.assignmentId, data);
