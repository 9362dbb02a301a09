import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { once } from '../../../runtime/src/idempotency';
import type { SubgraphContext } from '../../../runtime/src/subgraph/SubgraphModule';
import { checkFirst, decodeCursor, encodeCursor } from '../../../runtime/src/connections';
import { EmployeeGradeSchema, GradeSchema, RateCardSchema, type Grade } from './entities';
import { conflict, invalid, notFoundIn } from './errors';
import { table } from './guards';
import { assertCanKeepGrades } from './permissions';

export const GRADE_CREATED = 'billing.grade.created';
export const GRADE_UPDATED = 'billing.grade.updated';
export const MAX_GRADE_LENGTH = 50;
export const MAX_DESCRIPTION_LENGTH = 500;

export interface CreateGradeInput {
  code: string;
  description?: string | null;
  idempotencyKey?: string | null;
}

export interface UpdateGradeInput {
  code: string;
  description?: string | null;
  retired?: boolean | null;
  expectedVersion?: number | null;
}

/** A grade as the API shows it: reference data, or only held by employees. */
export interface GradeView {
  code: string;
  description: string | null;
  retired: boolean;
  defined: boolean;
  version: number;
  holderCount: number;
  ratedFrom: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** A grade's code: trimmed, 1 to 50 characters. */
export function checkGradeCode(field: string, value: unknown): string {
  const code = typeof value === 'string' ? value.trim() : '';
  if (!code || code.length > MAX_GRADE_LENGTH)
    throw invalid(field, `${field} must be 1 to ${MAX_GRADE_LENGTH} characters.`);
  return code;
}

function checkDescription(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > MAX_DESCRIPTION_LENGTH)
    throw invalid('description', `description is at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  return text || null;
}

/** Known grades: defined as reference data, held by an employee, or with a rate card. */
export async function isKnownGrade(em: EntityManager, code: string): Promise<boolean> {
  return (
    (await em.count(GradeSchema, { code })) > 0 ||
    (await em.count(EmployeeGradeSchema, { grade: code })) > 0 ||
    (await em.count(RateCardSchema, { grade: code })) > 0
  );
}

/** Grades as reference data: HR and FINANCE create, describe and retire them. */
export class Grades {
  constructor(
    private readonly ctx: SubgraphContext<unknown>,
    private readonly now: () => Date,
  ) {}

  private get em(): EntityManager {
    return this.ctx.em;
  }

  async create(input: CreateGradeInput): Promise<GradeView> {
    assertCanKeepGrades(this.ctx.identity, 'create grades');
    const code = checkGradeCode('code', input.code);
    const description = checkDescription(input.description);
    const scope = {
      operation: 'billing.createGrade',
      caller: this.ctx.identity.subject,
      key: input.idempotencyKey,
    };
    try {
      await once(this.em, scope, async (tx) => {
        if (await tx.findOne(GradeSchema, { code }))
          throw conflict(`Grade ${code} exists already: change it with updateGrade.`);
        const at = this.now();
        const grade: Grade = {
          code,
          description,
          retired: false,
          version: 1,
          createdAt: at,
          createdBy: this.ctx.identity.subject,
          updatedAt: at,
        };
        await tx.insert(GradeSchema, grade);
        this.ctx.emit(tx, {
          type: GRADE_CREATED,
          subject: code,
          data: { grade: code, description, retired: false, version: 1 },
        });
        return code;
      });
    } catch (error) {
      // Two creates of one grade at once: the loser learns it exists.
      if (error instanceof UniqueConstraintViolationException)
        throw conflict(`Grade ${code} exists already: change it with updateGrade.`);
      throw error;
    }
    return this.view(code);
  }

  async update(input: UpdateGradeInput): Promise<GradeView> {
    assertCanKeepGrades(this.ctx.identity, 'change grades');
    const code = checkGradeCode('code', input.code);
    const description =
      input.description === undefined ? undefined : checkDescription(input.description);
    const { expectedVersion } = input;
    if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion < 1)
      throw invalid('expectedVersion', 'expectedVersion must be 1 or more.');
    await this.em.transactional(async (tx) => {
      const grade = await tx.findOne(GradeSchema, { code }, { disableIdentityMap: true });
      if (!grade)
        throw notFoundIn(
          'Grade',
          `${code} (grades held by employees are described by creating them)`,
        );
      if (expectedVersion && expectedVersion !== grade.version)
        throw conflict(`Grade ${code} is at version ${grade.version}, not ${expectedVersion}.`);
      const next = {
        description: description === undefined ? grade.description : description,
        retired: typeof input.retired === 'boolean' ? input.retired : grade.retired,
      };
      if (next.description === grade.description && next.retired === grade.retired) return;
      const version = grade.version + 1;
      const changed = await tx.nativeUpdate(
        GradeSchema,
        { code, version: grade.version },
        { ...next, version, updatedAt: this.now() },
      );
      if (!changed) throw conflict(`Grade ${code} changed meanwhile: read it and try again.`);
      this.ctx.emit(tx, {
        type: GRADE_UPDATED,
        subject: code,
        data: {
          grade: code,
          ...next,
          previous: { description: grade.description, retired: grade.retired },
          version,
        },
      });
    });
    return this.view(code);
  }

  /** One grade, or null when it is neither defined nor held. */
  async one(code: string): Promise<GradeView | null> {
    assertCanKeepGrades(this.ctx.identity, 'read grades');
    const [view] = await this.views([code]);
    return view ?? null;
  }

  /** Known grades by code: defined ones and those only held; retired ones on request. */
  async list(first: number, after?: string | null, includeRetired = false) {
    assertCanKeepGrades(this.ctx.identity, 'read grades');
    checkFirst(first);
    const [from] = after ? decodeCursor(after, 1) : [''];
    // Grades are reference data, tens or hundreds of them: merged and paged in memory.
    const defined = await this.em.find(GradeSchema, {}, { disableIdentityMap: true });
    const retired = new Set(defined.filter((g) => g.retired).map((g) => g.code));
    const held = await this.held();
    const codes = [...new Set([...defined.map((g) => g.code), ...held.keys()])]
      .filter((code) => includeRetired || !retired.has(code))
      .sort();
    const rest = codes.filter((code) => code > from!);
    const page = rest.slice(0, first);
    return {
      nodes: await this.views(page),
      pageInfo: {
        endCursor: page.length ? encodeCursor([page[page.length - 1]!]) : null,
        hasNextPage: rest.length > first,
      },
      totalCount: codes.length,
    };
  }

  /** How many employees have held each grade (or the named ones), in billing's copy. */
  private async held(codes?: string[]): Promise<Map<string, number>> {
    if (codes && !codes.length) return new Map();
    const where = codes ? `where grade in (${codes.map(() => '?').join(', ')})` : '';
    const rows = await this.em.execute<{ grade: string; n: string | number }[]>(
      `select grade, count(*) as n from ${table(this.em, 'billing_employee_grades')} ${where}
       group by grade`,
      codes ?? [],
    );
    return new Map(rows.map((r) => [r.grade, Number(r.n)]));
  }

  private async view(code: string): Promise<GradeView> {
    const [view] = await this.views([code]);
    return view!;
  }

  /** Views of the named grades, in order; unknown ones are left out. */
  private async views(codes: string[]): Promise<GradeView[]> {
    if (!codes.length) return [];
    const [defined, held, rated] = await Promise.all([
      this.em.find(GradeSchema, { code: { $in: codes } }, { disableIdentityMap: true }),
      this.held(codes),
      this.em.execute<{ grade: string; first: string }[]>(
        `select grade, min(effective_from) as first from ${table(this.em, 'billing_rate_cards')}
         where grade in (${codes.map(() => '?').join(', ')}) group by grade`,
        codes,
      ),
    ]);
    const byCode = new Map(defined.map((g) => [g.code, g]));
    const firstCard = new Map(rated.map((r) => [r.grade, r.first]));
    return codes.flatMap((code) => {
      const grade = byCode.get(code);
      if (!grade && !held.has(code)) return [];
      return [
        {
          code,
          description: grade?.description ?? null,
          retired: grade?.retired ?? false,
          defined: !!grade,
          version: grade?.version ?? 0,
          holderCount: held.get(code) ?? 0,
          ratedFrom: firstCard.get(code) ?? null,
          createdAt: grade?.createdAt ?? null,
          updatedAt: grade?.updatedAt ?? null,
        },
      ];
    });
  }
}
