import type { InferEntity } from '@mikro-orm/core';
import { tableEntity, timestamps, uuidEntity } from '../../../../runtime';

export const TrainingCourseSchema = uuidEntity(
  'TrainingCourse',
  'compliance_training_courses',
  (p) => ({
    /** Unique, as HR gave it (letters, digits, `-` and `_`). */
    code: p.string().length(50).unique(),
    title: p.string().length(200),
    description: p.text().nullable(),
    /** Months a completion stays valid; null when it never expires. */
    validityMonths: p.integer().nullable(),
    retired: p.boolean().default(false),
    /** 1 when created, one more per change. */
    version: p.integer(),
    ...timestamps(p),
  }),
);

/** A course people must complete, and renew when its validity runs out. */
export type TrainingCourse = InferEntity<typeof TrainingCourseSchema>;

export const TrainingAssignmentSchema = uuidEntity(
  'TrainingAssignment',
  'compliance_training_assignments',
  (p) => ({
    employeeId: p.string().length(36),
    courseId: p.string().length(36).index(),
    /** The department whose rule brought it, when one did. */
    department: p.string().length(100).nullable(),
    /** ISO date it must first be completed by. */
    dueDate: p.string().length(10),
    /** ISO date of the latest completion. */
    completedOn: p.string().length(10).nullable(),
    /** ISO date the latest completion stops being valid (fixed when it was recorded). */
    expiresOn: p.string().length(10).nullable(),
    version: p.integer(),
    ...timestamps(p),
  }),
  {
    // One assignment per person and course; lists page by due date.
    uniques: [{ properties: ['employeeId', 'courseId'] }],
    indexes: [{ properties: ['dueDate', 'id'] }, { properties: ['expiresOn'] }],
  },
);

/** One person's duty to complete one course: one row per person and course. */
export type TrainingAssignment = InferEntity<typeof TrainingAssignmentSchema>;

export const DepartmentRuleSchema = uuidEntity(
  'TrainingDepartmentRule',
  'compliance_training_department_rules',
  (p) => ({
    courseId: p.string().length(36),
    /** As HR gave it; matched without regard to case. */
    department: p.string().length(100).index(),
    dueDate: p.string().length(10),
    /** Days from the assignment to its due date, given to a later joiner when the date has passed. */
    leadDays: p.integer(),
    createdAt: p.datetime(),
    createdBy: p.string().length(200),
  }),
  {
    uniques: [{ properties: ['courseId', 'department'] }],
  },
);

/** A course assigned to a department: everyone in it now, and whoever joins it later. */
export type DepartmentRule = InferEntity<typeof DepartmentRuleSchema>;

export const TrainingReminderSchema = tableEntity(
  'TrainingReminder',
  'compliance_training_reminders',
  (p) => ({
    assignmentId: p.string().primary().length(36),
    deadline: p.string().primary().length(10),
    status: p.string().length(10),
    raisedAt: p.datetime(),
  }),
);

/** A reminder raised: at most one per assignment and the date it falls due (or expires). */
export type TrainingReminder = InferEntity<typeof TrainingReminderSchema>;

export const trainingEntitySchemas = [
  TrainingCourseSchema,
  TrainingAssignmentSchema,
  DepartmentRuleSchema,
  TrainingReminderSchema,
];
