import type { EntityManager } from '@mikro-orm/knex';
import {
  checkFirst,
  decodeCursor,
  type Identity,
  isIsoDate,
  type ManagerChain,
  pageOf,
  sqlTable,
} from '../../../../runtime';
import { EmployeeCopySchema } from '../entities';
import { forbidden, invalid } from '../errors';
import { assertCanSeePerson, assertNotPartner, seesEveryone } from '../permissions';
import {
  ViolationSchema,
  type Violation,
  type ViolationRule,
  type ViolationStatus,
} from './entities';

export interface ViolationFilter {
  employeeId?: string | null;
  rules?: ViolationRule[] | null;
  from?: string | null;
  to?: string | null;
  status?: ViolationStatus | null;
}

export interface ViolationPage {
  nodes: Violation[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Counted only when selected. */
  totalCount: () => Promise<number>;
}

/** Whose violations a caller reads: everyone's, one person's, or a manager's and their reports'. */
type Scope = { all: true } | { person: string } | { team: string };

/** The caller's scope; naming someone they may not see is FORBIDDEN, not an empty page. */
async function scopeOf(
  identity: Identity,
  employeeId: string | null | undefined,
  managersOf: ManagerChain,
): Promise<Scope> {
  assertNotPartner(identity, 'violations');
  if (employeeId) {
    await assertCanSeePerson(identity, employeeId, managersOf, 'violations');
    return { person: employeeId };
  }
  if (seesEveryone(identity)) return { all: true };
  if (!identity.employeeId) throw forbidden('You may not read violations.');
  if (identity.role === 'MANAGER') return { team: identity.employeeId };
  return { person: identity.employeeId };
}

function checkFilter(filter: ViolationFilter): void {
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value !== null && value !== undefined && !isIsoDate(value))
      throw invalid(`filter.${field}`, `${field} must be a date, YYYY-MM-DD.`);
  }
  if (filter.from && filter.to && filter.from > filter.to)
    throw invalid('filter.to', 'to must not be before from.');
}

/** The rows a scope and filter select, as a query to page or narrow further. */
function selected(em: EntityManager, scope: Scope, filter: ViolationFilter) {
  const qb = em.createQueryBuilder(ViolationSchema, 'v');
  if ('person' in scope) qb.andWhere({ employeeId: scope.person });
  if ('team' in scope) {
    // Direct and indirect reports in one query, however many rows the page holds.
    const t = sqlTable(em, EmployeeCopySchema.meta.className);
    qb.andWhere(
      `(v.employee_id = ? or v.employee_id in (with recursive tree(id) as (
         select id from ${t} where manager_id = ?
         union
         select c.id from ${t} c join tree on c.manager_id = tree.id
       ) select id from tree))`,
      [scope.team, scope.team],
    );
  }
  if (filter.rules?.length) qb.andWhere({ rule: { $in: filter.rules } });
  if (filter.status) qb.andWhere({ status: filter.status });
  if (filter.from) qb.andWhere({ toDate: { $gte: filter.from } });
  if (filter.to) qb.andWhere({ fromDate: { $lte: filter.to } });
  return qb;
}

/** One page of violations, newest first, of those the caller may read. */
export async function listViolations(
  em: EntityManager,
  identity: Identity,
  managersOf: ManagerChain,
  args: { first: number; after?: string | null; filter?: ViolationFilter | null },
): Promise<ViolationPage> {
  const filter = args.filter ?? {};
  checkFirst(args.first);
  checkFilter(filter);
  const after = args.after ? afterKey(args.after) : null;
  const scope = await scopeOf(identity, filter.employeeId, managersOf);
  const qb = selected(em, scope, filter);
  if (after)
    qb.andWhere({
      $or: [
        { detectedAt: { $lt: after.detectedAt } },
        { detectedAt: after.detectedAt, id: { $lt: after.id } },
      ],
    });
  const rows = await qb
    .orderBy({ detectedAt: 'desc', id: 'desc' })
    .limit(args.first + 1)
    .getResultList();
  return {
    ...pageOf(rows, args.first, (row) => [row.detectedAt.toISOString(), row.id]),
    totalCount: () => selected(em, scope, filter).getCount(),
  };
}

/** One violation, under the list's rule; null when there is none. */
export async function findViolation(
  em: EntityManager,
  identity: Identity,
  managersOf: ManagerChain,
  id: string,
): Promise<Violation | null> {
  assertNotPartner(identity, 'violations');
  const violation = await em.findOne(ViolationSchema, { id });
  if (!violation) return null;
  await assertCanSeePerson(identity, violation.employeeId, managersOf, 'violations');
  return violation;
}

/** The (detected at, id) a cursor holds; a cursor with no instant is refused as any bad one. */
function afterKey(cursor: string): { detectedAt: Date; id: string } {
  const [at, id] = decodeCursor(cursor, 2) as [string, string];
  if (Number.isNaN(Date.parse(at))) return afterKey('');
  return { detectedAt: new Date(at), id };
}
