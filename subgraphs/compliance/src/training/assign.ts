import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import { chunks } from '../../../../runtime';
import type { Emit } from '../events';
import { TrainingAssignmentSchema, type TrainingAssignment, type TrainingCourse } from './entities';
import { trainingAssigned } from './events';

/** Someone to assign a course to, and the department rule that brings it, if one does. */
export interface Assignee {
  employeeId: string;
  department: string | null;
}

/** A new assignment of a course to `assignee`, not yet completed, due on `dueDate`. */
export const newAssignment = (
  { employeeId, department }: Assignee,
  courseId: string,
  dueDate: string,
  at: Date,
): TrainingAssignment => ({
  id: uuidv7(),
  employeeId,
  courseId,
  department,
  dueDate,
  completedOn: null,
  expiresOn: null,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

/** An assignment moved to an earlier due date: its next version. */
export const movedTo = (a: TrainingAssignment, dueDate: string, at: Date): TrainingAssignment => ({
  ...a,
  dueDate,
  version: a.version + 1,
  updatedAt: at,
});

/**
 * Gives each assignee the course due on `dueDate`, once: a person who has it keeps their
 * one assignment, moved to `dueDate` when that is earlier (the earliest due date wins).
 * Each new or moved assignment says so in `compliance.training.assigned`. Returns every
 * assignee's assignment. Inserts skip rows a concurrent assignment made first.
 */
export async function ensureAssignments(
  em: EntityManager,
  course: TrainingCourse,
  assignees: readonly Assignee[],
  dueDate: string,
  at: Date,
  emit: Emit,
): Promise<TrainingAssignment[]> {
  const result: TrainingAssignment[] = [];
  for (const part of chunks(assignees)) {
    const ids = part.map((p) => p.employeeId);
    const existing = await em.find(
      TrainingAssignmentSchema,
      { courseId: course.id, employeeId: { $in: ids } },
      { disableIdentityMap: true },
    );
    const have = new Map(existing.map((a) => [a.employeeId, a]));
    for (const a of existing) {
      if (a.dueDate <= dueDate) continue;
      const moved = movedTo(a, dueDate, at);
      await em.nativeUpdate(
        TrainingAssignmentSchema,
        { id: a.id },
        { dueDate, version: moved.version, updatedAt: at },
      );
      have.set(a.employeeId, moved);
      emit(trainingAssigned(moved, course));
    }
    const fresh: TrainingAssignment[] = part
      .filter((p) => !have.has(p.employeeId))
      .map((p) => newAssignment(p, course.id, dueDate, at));
    if (fresh.length) await insertIgnoring(em, fresh);
    const inserted = new Set(
      fresh.length
        ? (
            await em.find(
              TrainingAssignmentSchema,
              { id: { $in: fresh.map((a) => a.id) } },
              { fields: ['id'], disableIdentityMap: true },
            )
          ).map((a) => a.id)
        : [],
    );
    for (const a of fresh.filter((f) => inserted.has(f.id))) emit(trainingAssigned(a, course));
    result.push(
      ...(await em.find(
        TrainingAssignmentSchema,
        { courseId: course.id, employeeId: { $in: ids } },
        { disableIdentityMap: true },
      )),
    );
  }
  return result;
}

/** Inserts `rows`, skipping those a concurrent transaction inserted first. */
export async function insertIgnoring(em: EntityManager, rows: TrainingAssignment[]): Promise<void> {
  await em
    .createQueryBuilder(TrainingAssignmentSchema)
    .insert(rows)
    .onConflict(['employeeId', 'courseId'])
    .ignore()
    .execute('run');
}
