import type { EntityManager } from '@mikro-orm/knex';
import { decodeCursor, pageOf } from '../../../../runtime';
import { EmployeeGradeSchema, GradeSchema, RateCardSchema } from '../entities';
import { table } from '../guards';

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

const marks = (values: unknown[]) => values.map(() => '?').join(', ');

/** Known grades: defined as reference data, held by an employee, or with a rate card. */
export async function isKnownGrade(em: EntityManager, code: string): Promise<boolean> {
  return (
    (await em.count(GradeSchema, { code })) > 0 ||
    (await em.count(EmployeeGradeSchema, { grade: code })) > 0 ||
    (await em.count(RateCardSchema, { grade: code })) > 0
  );
}

/** One grade, or null when it is neither defined nor held. */
export async function findGrade(em: EntityManager, code: string): Promise<GradeView | null> {
  const [view] = await gradeViews(em, [code]);
  return view ?? null;
}

/** Known grades by code: defined ones and those only held; retired ones on request. */
export async function listGrades(
  em: EntityManager,
  size: number,
  after: string | null | undefined,
  includeRetired: boolean,
) {
  const [from] = after ? decodeCursor(after, 1) : [''];
  // Grades are reference data, tens or hundreds of them: merged and paged in memory.
  const defined = await em.find(GradeSchema, {}, { disableIdentityMap: true });
  const retired = new Set(defined.filter((g) => g.retired).map((g) => g.code));
  const held = await holders(em);
  const codes = [...new Set([...defined.map((g) => g.code), ...held.keys()])]
    .filter((code) => includeRetired || !retired.has(code))
    .sort();
  const rest = codes.filter((code) => code > from!);
  const page = pageOf(rest, size, (code) => [code]);
  return { ...page, nodes: await gradeViews(em, page.nodes), totalCount: codes.length };
}

/** How many employees have held each grade (or the named ones), in billing's copy. */
async function holders(em: EntityManager, codes?: string[]): Promise<Map<string, number>> {
  if (codes && !codes.length) return new Map();
  const where = codes ? `where grade in (${marks(codes)})` : '';
  const rows = await em.execute<{ grade: string; n: string | number }[]>(
    `select grade, count(*) as n from ${table(em, 'billing_employee_grades')} ${where}
     group by grade`,
    codes ?? [],
  );
  return new Map(rows.map((r) => [r.grade, Number(r.n)]));
}

/** The first day a card of each of the grades takes effect. */
export async function firstCards(
  em: EntityManager,
  grades: string[],
): Promise<Map<string, string>> {
  if (!grades.length) return new Map();
  const rows = await em.execute<{ grade: string; first: string }[]>(
    `select grade, min(effective_from) as first from ${table(em, 'billing_rate_cards')}
     where grade in (${marks(grades)}) group by grade`,
    grades,
  );
  return new Map(rows.map((r) => [r.grade, r.first]));
}

/** Views of the named grades, in order; unknown ones are left out. */
export async function gradeViews(em: EntityManager, codes: string[]): Promise<GradeView[]> {
  if (!codes.length) return [];
  const [defined, held, rated] = await Promise.all([
    em.find(GradeSchema, { code: { $in: codes } }, { disableIdentityMap: true }),
    holders(em, codes),
    firstCards(em, codes),
  ]);
  const byCode = new Map(defined.map((g) => [g.code, g]));
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
        ratedFrom: rated.get(code) ?? null,
        createdAt: grade?.createdAt ?? null,
        updatedAt: grade?.updatedAt ?? null,
      },
    ];
  });
}
