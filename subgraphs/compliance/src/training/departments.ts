import type { EntityManager } from '@mikro-orm/knex';
import {
  type CataloguedEvent,
  type CataloguedHandler,
  handleEachInBatch,
} from '../../../../messaging';
import { addDays, sqlTable } from '../../../../runtime';
import type { ComplianceSettings } from '../settings';
import { EmployeeCopySchema } from '../entities';
import { emitting, type Emit } from '../events';
import { ensureAssignments } from './assign';
import {
  DepartmentRuleSchema,
  TrainingAssignmentSchema,
  TrainingCourseSchema,
  type DepartmentRule,
} from './entities';
import { trainingToday } from './status';

/**
 * A joiner's due date: the rule's, or when that has passed, as many days from today as the
 * department was first given.
 */
export const joinerDueDate = (rule: DepartmentRule, today: string): string =>
  rule.dueDate >= today ? rule.dueDate : addDays(today, Math.max(rule.leadDays, 0));

async function rulesOf(em: EntityManager, department: string): Promise<DepartmentRule[]> {
  return em
    .createQueryBuilder(DepartmentRuleSchema, 'r')
    .select('*')
    .where('lower(r.department) = lower(?)', [department])
    .getResultList();
}

/** Gives `ids` (people in the rule's department) the rule's course, unless it is retired. */
async function applyRule(
  em: EntityManager,
  rule: DepartmentRule,
  ids: string[],
  today: string,
  at: Date,
  emit: Emit,
): Promise<void> {
  const course = await em.findOne(TrainingCourseSchema, { id: rule.courseId });
  if (!course || course.retired || ids.length === 0) return;
  const people = ids.map((employeeId) => ({ employeeId, department: rule.department }));
  await ensureAssignments(em, course, people, joinerDueDate(rule, today), at, emit);
}

type JoiningEvent = CataloguedEvent<'employees.employee.created' | 'employees.employee.updated'>;

/** The department an employees event puts the person in, when it says one. */
function joinedDepartment(event: JoiningEvent): string | null {
  if (event.type === 'employees.employee.created') return event.data.department;
  return event.data.changes.department?.new ?? null;
}

/** Whether the event or compliance's copy says the person has left. */
async function hasLeft(em: EntityManager, event: JoiningEvent) {
  if (event.type === 'employees.employee.created') return event.data.status === 'TERMINATED';
  const copy = await em.findOne(EmployeeCopySchema, { id: event.data.employeeId });
  return copy?.status === 'TERMINATED';
}

type JoinerHandler = CataloguedHandler<JoiningEvent['type']>;

/**
 * Someone joins a department (hired into it, or moved): they get the courses assigned to
 * it. It reads the department from the event itself, so it need not wait for the copy.
 */
export function departmentJoinerHandler(settings: ComplianceSettings): JoinerHandler {
  const handle: JoinerHandler['handle'] = async (event, { em, emit }) => {
    const department = joinedDepartment(event);
    if (!department || (await hasLeft(em as EntityManager, event))) return;
    const at = settings.now();
    const today = trainingToday(at);
    for (const rule of await rulesOf(em as EntityManager, department))
      await applyRule(
        em as EntityManager,
        rule,
        [event.data.employeeId],
        today,
        at,
        emitting(emit),
      );
  };
  return {
    name: 'training_departments',
    types: ['employees.employee.created', 'employees.employee.updated'],
    handle,
    // A bulk hire commits once per batch, not once per person.
    handleBatch: handleEachInBatch(handle),
  };
}

/**
 * Everyone in a ruled department who lacks the rule's assignment gets it: the daily job's
 * catch-up for a joiner whose event and the rule crossed each other.
 */
export async function applyDepartmentRules(em: EntityManager, at: Date, emit: Emit): Promise<void> {
  const today = trainingToday(at);
  const employees = sqlTable(em, EmployeeCopySchema.meta.className);
  const assignments = sqlTable(em, TrainingAssignmentSchema.meta.className);
  for (const rule of await em.find(DepartmentRuleSchema, {}, { orderBy: { id: 'asc' } })) {
    const rows = await em.execute<{ id: string }[]>(
      `select e.id from ${employees} e
        where lower(e.department) = lower(?) and e.status <> 'TERMINATED'
          and not exists (select 1 from ${assignments} a
                           where a.employee_id = e.id and a.course_id = ?)`,
      [rule.department, rule.courseId],
    );
    await applyRule(
      em,
      rule,
      rows.map((r) => r.id),
      today,
      at,
      emit,
    );
  }
}
