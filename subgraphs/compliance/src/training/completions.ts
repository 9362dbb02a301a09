import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { addDays, isIsoDate } from '../../../../runtime';
import type { ComplianceContext } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { EmployeeCopySchema } from '../entities';
import { invalid } from '../errors';
import { assertHr } from '../permissions';
import { emittingIn, type Emit } from '../events';
import { courseById } from './courses';
import {
  TrainingAssignmentSchema,
  TrainingCourseSchema,
  type TrainingAssignment,
  type TrainingCourse,
} from './entities';
import { trainingCompleted } from './events';
import { importRows, isProblem, type ImportRow, type RowProblem } from './importRows';
import { expiryOf, trainingToday } from './status';

/** Completions older than this are typing mistakes. */
const MAX_YEARS_BACK = 50;

/** Why a completion day is refused, or null when it is fine. */
export function completedOnProblem(value: string, today: string): string | null {
  if (!isIsoDate(value)) return 'must be a date YYYY-MM-DD';
  if (value > today) return `must not be in the future (today is ${today})`;
  if (value < addDays(today, -366 * MAX_YEARS_BACK))
    return `must be within the last ${MAX_YEARS_BACK} years`;
  return null;
}

export interface Completion {
  employeeId: string;
  course: TrainingCourse;
  completedOn: string;
}

/** What recording a completion did. */
export interface Recorded {
  assignment: TrainingAssignment;
  /** False when the assignment already held this completion or a later one. */
  changed: boolean;
}

/**
 * Records a completion on the person's assignment of the course (made, due that day, when
 * there is none). The latest completion counts: an earlier or equal one changes nothing.
 * Its expiry is fixed now, from the course's validity. A change says so in
 * `compliance.training.completed`.
 */
export async function recordCompletion(
  em: EntityManager,
  completion: Completion,
  source: 'MANUAL' | 'IMPORT',
  at: Date,
  emit: Emit,
): Promise<Recorded> {
  const { employeeId, course, completedOn } = completion;
  const where = { employeeId, courseId: course.id };
  let assignment = await em.findOne(TrainingAssignmentSchema, where, { disableIdentityMap: true });
  if (!assignment) {
    await em
      .createQueryBuilder(TrainingAssignmentSchema)
      .insert({
        id: uuidv7(),
        ...where,
        department: null,
        dueDate: completedOn,
        completedOn: null,
        expiresOn: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      })
      .onConflict(['employeeId', 'courseId'])
      .ignore()
      .execute('run');
    assignment = (await em.findOne(TrainingAssignmentSchema, where, { disableIdentityMap: true }))!;
  }
  if (assignment.completedOn != null && assignment.completedOn >= completedOn)
    return { assignment, changed: false };
  const next = {
    completedOn,
    expiresOn: expiryOf(completedOn, course.validityMonths ?? null),
    version: assignment.version + 1,
    updatedAt: at,
  };
  await em.nativeUpdate(TrainingAssignmentSchema, { id: assignment.id }, next);
  const after = { ...assignment, ...next };
  emit(trainingCompleted(assignment, after, course, source));
  return { assignment: after, changed: true };
}

export interface RecordCompletionInput {
  employeeId: string;
  courseId: string;
  completedOn: string;
}

/** recordTrainingCompletion: HR and ADMIN record that a person completed a course. */
export async function recordTrainingCompletion(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  input: RecordCompletionInput,
): Promise<TrainingAssignment> {
  assertHr(ctx.identity, 'record training completions');
  const at = settings.now();
  const problem = completedOnProblem(input.completedOn, trainingToday(at));
  if (problem) throw invalid('input.completedOn', `completedOn ${problem}.`);
  return ctx.em.transactional(async (tx) => {
    if (!(await tx.count(EmployeeCopySchema, { id: input.employeeId })))
      throw invalid('input.employeeId', `Unknown employee ${input.employeeId}.`);
    const course = await courseById(tx, input.courseId);
    const completion = { employeeId: input.employeeId, course, completedOn: input.completedOn };
    const emit = emittingIn(ctx, tx);
    return (await recordCompletion(tx, completion, 'MANUAL', at, emit)).assignment;
  });
}

export interface ImportInput {
  format: 'CSV' | 'NDJSON';
  content: string;
  dryRun?: boolean | null;
}

export interface ImportResult {
  rows: number;
  recorded: number;
  unchanged: number;
  problems: RowProblem[];
}

/** Rows per look-up of employees and courses. */
const BATCH = 500;

/** The rows' completions, or a problem per bad row (unknown people and courses included). */
async function resolveRows(
  em: EntityManager,
  rows: ImportRow[],
  today: string,
  problems: RowProblem[],
): Promise<{ row: number; completion: Completion }[]> {
  const good: { row: number; completion: Completion }[] = [];
  const courses = new Map<string, TrainingCourse | null>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const ids = [...new Set(part.map((r) => r.values.employee_id))].filter((id) => id.length <= 36);
    const known = new Set(
      (await em.find(EmployeeCopySchema, { id: { $in: ids } }, { fields: ['id'] })).map(
        (e) => e.id,
      ),
    );
    const codes = [...new Set(part.map((r) => r.values.course_code))].filter(
      (c) => !courses.has(c),
    );
    for (const course of await em.find(TrainingCourseSchema, { code: { $in: codes } }))
      courses.set(course.code, course);
    for (const { row, values } of part) {
      const course = courses.get(values.course_code);
      const when = completedOnProblem(values.completed_on, today);
      if (!known.has(values.employee_id))
        problems.push({ row, column: 'employee_id', message: 'No such employee is known.' });
      else if (!course)
        problems.push({ row, column: 'course_code', message: 'No course has this code.' });
      else if (when)
        problems.push({ row, column: 'completed_on', message: `completed_on ${when}.` });
      else
        good.push({
          row,
          completion: { employeeId: values.employee_id, course, completedOn: values.completed_on },
        });
    }
  }
  return good;
}

/**
 * importTrainingCompletions: reads the file line by line, reports every bad row with its
 * column, and records the good ones in one transaction (none on a dry run). A row already
 * recorded (or superseded by a later completion) counts as unchanged, so a file imported
 * twice changes nothing the second time.
 */
export async function importTrainingCompletions(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  input: ImportInput,
): Promise<ImportResult> {
  assertHr(ctx.identity, 'import training completions');
  const at = settings.now();
  const problems: RowProblem[] = [];
  const rows: ImportRow[] = [];
  for (const item of importRows(input.format, input.content))
    if (isProblem(item)) problems.push(item);
    else rows.push(item);
  const read = rows.length + problems.length;
  return ctx.em.transactional(async (tx) => {
    const good = await resolveRows(tx, rows, trainingToday(at), problems);
    problems.sort((a, b) => a.row - b.row);
    if (input.dryRun) {
      const unchanged = await countUnchanged(
        tx,
        good.map((g) => g.completion),
      );
      return { rows: read, recorded: 0, unchanged, problems };
    }
    let recorded = 0;
    const emit = emittingIn(ctx, tx);
    for (const { completion } of good)
      if ((await recordCompletion(tx, completion, 'IMPORT', at, emit)).changed) recorded += 1;
    return { rows: read, recorded, unchanged: good.length - recorded, problems };
  });
}

/** How many completions the assignments already hold (or hold a later one of). */
async function countUnchanged(em: EntityManager, completions: Completion[]): Promise<number> {
  let unchanged = 0;
  const latest = new Map<string, string>();
  for (let i = 0; i < completions.length; i += BATCH) {
    const part = completions.slice(i, i + BATCH);
    const found = await em.find(TrainingAssignmentSchema, {
      employeeId: { $in: [...new Set(part.map((c) => c.employeeId))] },
      courseId: { $in: [...new Set(part.map((c) => c.course.id))] },
    });
    for (const a of found)
      if (a.completedOn) latest.set(`${a.employeeId}|${a.courseId}`, a.completedOn);
  }
  for (const c of completions) {
    const key = `${c.employeeId}|${c.course.id}`;
    const held = latest.get(key);
    if (held !== undefined && held >= c.completedOn) unchanged += 1;
    else latest.set(key, c.completedOn);
  }
  return unchanged;
}
