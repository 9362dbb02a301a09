import type { EntityManager } from '@mikro-orm/knex';
import type { CataloguedEvent, CataloguedHandler } from '../../../../messaging';
import { addDays, chunks, sqlTable } from '../../../../runtime';
import type { ComplianceSettings } from '../settings';
import { EmployeeCopySchema } from '../entities';
import { emitting, type ComplianceDraft, type Emit } from '../events';
import { ensureAssignments, insertIgnoring, movedTo, newAssignment } from './assign';
import {
  DepartmentRuleSchema,
  TrainingAssignmentSchema,
  TrainingCourseSchema,
  type DepartmentRule,
  type TrainingAssignment,
  type TrainingCourse,
} from './entities';
import { trainingAssigned } from './events';
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
    .orderBy({ id: 'asc' })
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
    // A bulk hire reads and writes once per batch, not once per person.
    handleBatch: (events, { em, emit }) =>
      joinInBatch(em as EntityManager, events, settings.now(), emit),
  };
}

type CausedDraft = { cause: JoiningEvent; draft: ComplianceDraft };

/**
 * The batch path of {@link departmentJoinerHandler}: the rules, courses, leavers and
 * assignments the events need are read once, the events applied in order in memory as
 * `handle` would one by one, then the new and moved assignments written and their events
 * emitted in that order.
 */
async function joinInBatch(
  em: EntityManager,
  events: JoiningEvent[],
  at: Date,
  emit: (cause: JoiningEvent, draft: ComplianceDraft) => void,
): Promise<void> {
  const joins = await joinersOf(em, events);
  const rules = await rulesByDepartment(em, joins);
  const courses = await coursesOf(em, [...rules.values()].flat());
  if (courses.size === 0) return;
  const assignments = await assignmentsOf(em, joins, courses);
  const stored = new Set(assignments.keys());
  const written = new Map<string, TrainingAssignment>();
  const drafts: CausedDraft[] = [];
  const today = trainingToday(at);
  for (const { event, department } of joins)
    for (const rule of rules.get(department)!) {
      const course = courses.get(rule.courseId);
      if (!course) continue;
      const key = `${event.data.employeeId}|${course.id}`;
      const now = assign(assignments.get(key), event.data.employeeId, rule, today, at);
      if (!now) continue;
      assignments.set(key, now);
      written.set(key, now);
      drafts.push({ cause: event, draft: trainingAssigned(now, course) });
    }
  await writeAssignments(em, written, stored);
  for (const { cause, draft } of drafts) emit(cause, draft);
}

/** The batch's events that put someone still employed in a department, in order. */
async function joinersOf(em: EntityManager, events: JoiningEvent[]) {
  const joins = events.flatMap((event) => {
    const department = joinedDepartment(event);
    return department ? [{ event, department }] : [];
  });
  const updated = joins.filter((j) => j.event.type === 'employees.employee.updated');
  const left = new Set<string>();
  for (const part of chunks(updated.map((j) => j.event.data.employeeId))) {
    const copies = await em.find(EmployeeCopySchema, { id: { $in: part }, status: 'TERMINATED' });
    for (const copy of copies) left.add(copy.id);
  }
  return joins.filter(({ event }) =>
    event.type === 'employees.employee.created'
      ? event.data.status !== 'TERMINATED'
      : !left.has(event.data.employeeId),
  );
}

/** The rules of each department the joiners name, as `rulesOf` reads them. */
async function rulesByDepartment(em: EntityManager, joins: { department: string }[]) {
  const rules = new Map<string, DepartmentRule[]>();
  for (const { department } of joins)
    if (!rules.has(department)) rules.set(department, await rulesOf(em, department));
  return rules;
}

/** The courses of `rules` still given to joiners (not retired), by id. */
async function coursesOf(em: EntityManager, rules: DepartmentRule[]) {
  const ids = [...new Set(rules.map((r) => r.courseId))];
  const courses = ids.length
    ? await em.find(TrainingCourseSchema, { id: { $in: ids }, retired: false })
    : [];
  return new Map(courses.map((c) => [c.id, c]));
}

/** The joiners' assignments of `courses`, by employee and course. */
async function assignmentsOf(
  em: EntityManager,
  joins: { event: JoiningEvent }[],
  courses: Map<string, TrainingCourse>,
) {
  const found = new Map<string, TrainingAssignment>();
  const ids = [...new Set(joins.map((j) => j.event.data.employeeId))];
  for (const part of chunks(ids)) {
    const rows = await em.find(
      TrainingAssignmentSchema,
      { courseId: { $in: [...courses.keys()] }, employeeId: { $in: part } },
      { disableIdentityMap: true },
    );
    for (const a of rows) found.set(`${a.employeeId}|${a.courseId}`, a);
  }
  return found;
}

/**
 * What `ensureAssignments` makes of one joiner's assignment under `rule`: a new one, one
 * moved to an earlier due date, or nothing (undefined) when the one they have is due first.
 */
function assign(
  had: TrainingAssignment | undefined,
  employeeId: string,
  rule: DepartmentRule,
  today: string,
  at: Date,
): TrainingAssignment | undefined {
  const dueDate = joinerDueDate(rule, today);
  if (had) return had.dueDate <= dueDate ? undefined : movedTo(had, dueDate, at);
  return newAssignment({ employeeId, department: rule.department }, rule.courseId, dueDate, at);
}

/**
 * Inserts the new assignments (at their last state) and moves the others. A new one that a
 * concurrent transaction made first fails the batch, whose events then go one at a time.
 */
async function writeAssignments(
  em: EntityManager,
  written: Map<string, TrainingAssignment>,
  stored: Set<string>,
): Promise<void> {
  const fresh = [...written].filter(([key]) => !stored.has(key)).map(([, a]) => a);
  for (const part of chunks(fresh)) {
    await insertIgnoring(em, part);
    const ids = part.map((a) => a.id);
    const inserted = await em.count(TrainingAssignmentSchema, { id: { $in: ids } });
    if (inserted < part.length) throw new Error('assignments made concurrently: retry one by one');
  }
  for (const [key, a] of written)
    if (stored.has(key))
      await em.nativeUpdate(
        TrainingAssignmentSchema,
        { id: a.id },
        { dueDate: a.dueDate, version: a.version, updatedAt: a.updatedAt },
      );
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
