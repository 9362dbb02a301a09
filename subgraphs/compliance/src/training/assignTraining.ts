import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { addDays, daysBetween, isIsoDate } from '../../../../runtime';
import type { ComplianceContext } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { EmployeeCopySchema } from '../entities';
import { invalid } from '../errors';
import { assertHr } from '../permissions';
import { emittingIn } from '../events';
import { ensureAssignments } from './assign';
import { courseById } from './courses';
import { requiredText } from './requiredText';
import { DepartmentRuleSchema, type TrainingAssignment, type TrainingCourse } from './entities';
import { trainingToday } from './status';

export interface AssignTrainingInput {
  courseId: string;
  employeeIds?: string[] | null;
  department?: string | null;
  dueDate: string;
}

const MAX_EMPLOYEES = 500;
const MAX_DEPARTMENT = 100;
/** Due dates further ahead than this are typing mistakes. */
const MAX_YEARS_AHEAD = 10;

/** A due date: an ISO date from `today` to ten years on. */
export function checkDueDate(value: string, today: string, field = 'input.dueDate'): string {
  if (!isIsoDate(value)) throw invalid(field, `${field} must be a date YYYY-MM-DD.`);
  if (value < today) throw invalid(field, `${field} must not be in the past (today is ${today}).`);
  if (value > addDays(today, 366 * MAX_YEARS_AHEAD))
    throw invalid(field, `${field} must be within ${MAX_YEARS_AHEAD} years.`);
  return value;
}

/** A course that may still be assigned, or a refusal naming `input.courseId`. */
export async function assignableCourse(
  em: EntityManager,
  courseId: string,
): Promise<TrainingCourse> {
  const course = await courseById(em, courseId);
  if (course.retired)
    throw invalid(
      'input.courseId',
      `Course ${course.code} is retired: bring it back to assign it.`,
    );
  return course;
}

/** The people given by id: each known to compliance and not terminated. */
async function checkedPeople(em: EntityManager, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || unique.length > MAX_EMPLOYEES)
    throw invalid('input.employeeIds', `employeeIds must name 1 to ${MAX_EMPLOYEES} people.`);
  const known = await em.find(
    EmployeeCopySchema,
    { id: { $in: unique } },
    { fields: ['id', 'status'] },
  );
  const status = new Map(known.map((e) => [e.id, e.status]));
  const unknown = unique.filter((id) => !status.has(id));
  if (unknown.length)
    throw invalid('input.employeeIds', `Unknown employees: ${unknown.slice(0, 10).join(', ')}.`);
  const gone = unique.filter((id) => status.get(id) === 'TERMINATED');
  if (gone.length)
    throw invalid('input.employeeIds', `These people have left: ${gone.slice(0, 10).join(', ')}.`);
  return unique;
}

/** Everyone in the department now (without regard to case), but those who left. */
export async function departmentMembers(em: EntityManager, department: string): Promise<string[]> {
  const rows = await em
    .createQueryBuilder(EmployeeCopySchema, 'e')
    .select('e.id')
    .where('lower(e.department) = lower(?) and e.status <> ?', [department, 'TERMINATED'])
    .execute<{ id: string }[]>('all');
  return rows.map((r) => r.id);
}

/**
 * Keeps the department's rule for the course, so later joiners get it too: one rule per
 * course and department, at the earliest due date given.
 */
async function keepRule(
  em: EntityManager,
  course: TrainingCourse,
  department: string,
  dueDate: string,
  today: string,
  ctx: ComplianceContext,
  at: Date,
): Promise<void> {
  const rules = await em.find(DepartmentRuleSchema, { courseId: course.id });
  const rule = rules.find((r) => r.department.toLowerCase() === department.toLowerCase());
  const leadDays = daysBetween(today, dueDate);
  if (!rule) {
    await em.insert(DepartmentRuleSchema, {
      id: uuidv7(),
      courseId: course.id,
      department,
      dueDate,
      leadDays,
      createdAt: at,
      createdBy: ctx.identity.subject,
    });
  } else if (dueDate < rule.dueDate) {
    await em.nativeUpdate(DepartmentRuleSchema, { id: rule.id }, { dueDate, leadDays });
  }
}

/** Assigns a course to people or to a department (HR, ADMIN). */
export async function assignTraining(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  input: AssignTrainingInput,
): Promise<TrainingAssignment[]> {
  assertHr(ctx.identity, 'assign training');
  const byPeople = input.employeeIds !== null && input.employeeIds !== undefined;
  const byDepartment = input.department !== null && input.department !== undefined;
  if (byPeople === byDepartment)
    throw invalid('input.employeeIds', 'Give exactly one of employeeIds and department.');
  const at = settings.now();
  const today = trainingToday(at);
  const dueDate = checkDueDate(input.dueDate, today);
  const department = byDepartment
    ? requiredText('department', input.department!, MAX_DEPARTMENT)
    : null;
  return ctx.em.transactional(async (tx) => {
    const course = await assignableCourse(tx, input.courseId);
    const emit = emittingIn(ctx, tx);
    if (department === null) {
      const ids = await checkedPeople(tx, input.employeeIds!);
      const people = ids.map((employeeId) => ({ employeeId, department: null }));
      return ensureAssignments(tx, course, people, dueDate, at, emit);
    }
    await keepRule(tx, course, department, dueDate, today, ctx, at);
    const people = (await departmentMembers(tx, department)).map((employeeId) => ({
      employeeId,
      department,
    }));
    return ensureAssignments(tx, course, people, dueDate, at, emit);
  });
}
