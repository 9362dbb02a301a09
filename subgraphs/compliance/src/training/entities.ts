import { EntitySchema } from '@mikro-orm/core';

/** A course people must complete, and renew when its validity runs out. */
export interface TrainingCourse {
  id: string;
  /** Unique, as HR gave it (letters, digits, `-` and `_`). */
  code: string;
  title: string;
  description: string | null;
  /** Months a completion stays valid; null when it never expires. */
  validityMonths: number | null;
  retired: boolean;
  /** 1 when created, one more per change. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One person's duty to complete one course: one row per person and course. */
export interface TrainingAssignment {
  id: string;
  employeeId: string;
  courseId: string;
  /** The department whose rule brought it, when one did. */
  department: string | null;
  /** ISO date it must first be completed by. */
  dueDate: string;
  /** ISO date of the latest completion. */
  completedOn: string | null;
  /** ISO date the latest completion stops being valid (fixed when it was recorded). */
  expiresOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A course assigned to a department: everyone in it now, and whoever joins it later. */
export interface DepartmentRule {
  id: string;
  courseId: string;
  /** As HR gave it; matched without regard to case. */
  department: string;
  dueDate: string;
  /** Days from the assignment to its due date, given to a later joiner when the date has passed. */
  leadDays: number;
  createdAt: Date;
  createdBy: string;
}

/** A reminder raised: at most one per assignment and the date it falls due (or expires). */
export interface TrainingReminder {
  assignmentId: string;
  deadline: string;
  status: string;
  raisedAt: Date;
}

export const TrainingCourseSchema = new EntitySchema<TrainingCourse>({
  name: 'TrainingCourse',
  tableName: 'compliance_training_courses',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    code: { type: 'string', length: 50, unique: true },
    title: { type: 'string', length: 200 },
    description: { type: 'text', nullable: true },
    validityMonths: { type: 'integer', nullable: true },
    retired: { type: 'boolean', default: false },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const TrainingAssignmentSchema = new EntitySchema<TrainingAssignment>({
  name: 'TrainingAssignment',
  tableName: 'compliance_training_assignments',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    employeeId: { type: 'string', length: 36 },
    courseId: { type: 'string', length: 36, index: true },
    department: { type: 'string', length: 100, nullable: true },
    dueDate: { type: 'string', length: 10 },
    completedOn: { type: 'string', length: 10, nullable: true },
    expiresOn: { type: 'string', length: 10, nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  // One assignment per person and course; lists page by due date.
  uniques: [{ properties: ['employeeId', 'courseId'] }],
  indexes: [{ properties: ['dueDate', 'id'] }, { properties: ['expiresOn'] }],
});

export const DepartmentRuleSchema = new EntitySchema<DepartmentRule>({
  name: 'TrainingDepartmentRule',
  tableName: 'compliance_training_department_rules',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    courseId: { type: 'string', length: 36 },
    department: { type: 'string', length: 100, index: true },
    dueDate: { type: 'string', length: 10 },
    leadDays: { type: 'integer' },
    createdAt: { type: 'datetime' },
    createdBy: { type: 'string', length: 200 },
  },
  uniques: [{ properties: ['courseId', 'department'] }],
});

export const TrainingReminderSchema = new EntitySchema<TrainingReminder>({
  name: 'TrainingReminder',
  tableName: 'compliance_training_reminders',
  properties: {
    assignmentId: { type: 'string', primary: true, length: 36 },
    deadline: { type: 'string', primary: true, length: 10 },
    status: { type: 'string', length: 10 },
    raisedAt: { type: 'datetime' },
  },
});

export const trainingEntitySchemas = [
  TrainingCourseSchema,
  TrainingAssignmentSchema,
  DepartmentRuleSchema,
  TrainingReminderSchema,
];
