import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { v7 as uuidv7 } from 'uuid';
import type { ComplianceContext } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { changedMeanwhile, codeTaken, courseNotFound, invalid } from '../errors';
import { assertHr, assertNotPartner } from '../permissions';
import { decodeCursor, longerThan, pageOf, pageSize } from '../../../../runtime';
import { TrainingCourseSchema, type TrainingCourse } from './entities';
import { emittingIn } from '../events';
import { requiredText } from './requiredText';
import { courseCreated, courseUpdated, type ChangeableField } from './events';

export interface CreateCourseInput {
  code: string;
  title: string;
  description?: string | null;
  validityMonths?: number | null;
}

export interface UpdateCourseInput {
  id: string;
  title?: string | null;
  description?: string | null;
  validityMonths?: number | null;
  retired?: boolean | null;
}

const CODE = /^[A-Za-z0-9_-]{1,50}$/;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;
const MAX_VALIDITY_MONTHS = 120;

function checkCode(value: string): string {
  const code = value.trim();
  if (!CODE.test(code))
    throw invalid('input.code', 'code must be 1 to 50 letters, digits, "-" or "_".');
  return code;
}

function checkDescription(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (longerThan(text, MAX_DESCRIPTION))
    throw invalid('input.description', `description is at most ${MAX_DESCRIPTION} characters.`);
  return text || null;
}

function checkValidity(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_VALIDITY_MONTHS)
    throw invalid(
      'input.validityMonths',
      `validityMonths must be 1 to ${MAX_VALIDITY_MONTHS}, or absent when a completion never expires.`,
    );
  return value;
}

/** A course by id, or NOT_FOUND naming `field`'s value. */
export async function courseById(em: EntityManager, id: string): Promise<TrainingCourse> {
  const course = await em.findOne(TrainingCourseSchema, { id }, { disableIdentityMap: true });
  if (!course) throw courseNotFound(id);
  return course;
}

/** Adds a course (HR, ADMIN) and says so in `compliance.course.created`. */
export async function createCourse(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  input: CreateCourseInput,
): Promise<TrainingCourse> {
  assertHr(ctx.identity, 'create training courses');
  const at = settings.now();
  const course: TrainingCourse = {
    id: uuidv7(),
    code: checkCode(input.code),
    title: requiredText('title', input.title, MAX_TITLE),
    description: checkDescription(input.description),
    validityMonths: checkValidity(input.validityMonths),
    retired: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await ctx.em.transactional(async (tx) => {
      if (await tx.count(TrainingCourseSchema, { code: course.code })) throw codeTaken(course.code);
      await tx.insert(TrainingCourseSchema, course);
      emittingIn(ctx, tx)(courseCreated(course));
    });
  } catch (error) {
    // Two creates of one code at once: the loser learns it exists.
    if (error instanceof UniqueConstraintViolationException) throw codeTaken(course.code);
    throw error;
  }
  return course;
}

/** Changes a course (HR, ADMIN); a change that changes nothing records nothing. */
export async function updateCourse(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  input: UpdateCourseInput,
): Promise<TrainingCourse> {
  assertHr(ctx.identity, 'change training courses');
  const next: Partial<Pick<TrainingCourse, ChangeableField>> = {};
  if (input.title !== undefined && input.title !== null)
    next.title = requiredText('title', input.title, MAX_TITLE);
  if (input.description !== undefined) next.description = checkDescription(input.description);
  if (input.validityMonths !== undefined) next.validityMonths = checkValidity(input.validityMonths);
  if (typeof input.retired === 'boolean') next.retired = input.retired;
  return ctx.em.transactional(async (tx) => {
    const course = await courseById(tx, input.id);
    const changed = (Object.keys(next) as ChangeableField[]).filter(
      (key) => next[key] !== course[key],
    );
    if (changed.length === 0) return course;
    const after = { ...course, ...next, version: course.version + 1, updatedAt: settings.now() };
    const count = await tx.nativeUpdate(
      TrainingCourseSchema,
      { id: course.id, version: course.version },
      { ...next, version: after.version, updatedAt: after.updatedAt },
    );
    if (!count)
      throw changedMeanwhile(`Course ${course.code} changed meanwhile: read it and try again.`);
    emittingIn(ctx, tx)(courseUpdated(course, after, changed));
    return after;
  });
}

/** Courses by code (anyone signed in but a partner), retired ones on request. */
export async function listCourses(
  ctx: ComplianceContext,
  args: { first?: number | null; after?: string | null; includeRetired?: boolean | null },
) {
  assertNotPartner(ctx.identity, 'training courses');
  const size = pageSize(args.first);
  const listed: Record<string, unknown> = args.includeRetired ? {} : { retired: false };
  const where = args.after ? { ...listed, code: { $gt: decodeCursor(args.after, 1)[0] } } : listed;
  const rows = await ctx.em.find(TrainingCourseSchema, where, {
    orderBy: { code: 'asc' },
    limit: size + 1,
  });
  return {
    ...pageOf(rows, size, (course) => [course.code]),
    totalCount: () => ctx.em.count(TrainingCourseSchema, listed),
  };
}
