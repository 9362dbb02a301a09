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

/** What a course event says: the whole course, it is small. */
export const courseData = (course: TrainingCourse) => ({
  courseId: course.id,
  code: course.code,
  title: course.title,
  description: course.description,
  validityMonths: course.validityMonths,
  retired: course.retired,
  version: course.version,
});

/** What an assignment event says of the assignment and its course. */
export const assignmentData = (a: TrainingAssignment, course: TrainingCourse) => ({
  assignmentId: a.id,
  employeeId: a.employeeId,
  courseId: course.id,
  courseCode: course.code,
  courseTitle: course.title,
  version: a.version,
});
