import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import {
  EmployeeCounterSchema,
  EmployeeSchema,
  type Employee,
  type EmployeeStatus,
} from './entities';
import { invalid } from './errors';
import { decodeCursor, managerChains as reportingLines, pageOf, sqlTable } from '../../../runtime';

export interface EmployeeFilter {
  department?: string | null;
  status?: EmployeeStatus | null;
  managerId?: string | null;
  reportsTo?: string | null;
  search?: string | null;
  includeTerminated?: boolean | null;
}

export interface Page {
  nodes: Employee[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** The employees table as raw SQL must name it (schema-qualified on PostgreSQL). */
const table = (em: EntityManager): string => sqlTable(em, EmployeeSchema.meta.className);

/**
 * Adds one to a named counter and returns it. The update holds the row's lock
 * until `tx` ends, so concurrent callers of one counter take turns.
 */
export async function bumpCounter(tx: EntityManager, name: string): Promise<number> {
  const counter = () => tx.createQueryBuilder(EmployeeCounterSchema);
  await counter().insert({ name, lastNumber: 0 }).onConflict('name').ignore().execute();
  await counter()
    .update({ lastNumber: raw('last_number + 1') })
    .where({ name })
    .execute();
  const row = await counter()
    .select('lastNumber')
    .where({ name })
    .execute<{ lastNumber: number }>('get');
  return row.lastNumber;
}

/** The managers above each employee, nearest first, for many employees in one query. */
export const managerChains = (
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string[]>> => reportingLines(em, EmployeeSchema.meta.className, ids);

/** Direct reports of the managers (terminated people left out), in directory order. */
export const directReports = (em: EntityManager, managerIds: readonly string[]) =>
  em
    .createQueryBuilder(EmployeeSchema)
    .where({ managerId: { $in: [...managerIds] }, status: { $ne: 'TERMINATED' } })
    .orderBy({ lastName: 'asc', firstName: 'asc', id: 'asc' })
    .execute<Employee[]>('all');

/** The largest page of the directory. */
const MAX_PAGE = 100;

/** Checks a page size of the directory: 0 to {@link MAX_PAGE}. */
export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
    throw invalid('first', `first must be between 0 and ${MAX_PAGE}.`);
}

const likePattern = (search: string) =>
  `%${search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;

function filtered(em: EntityManager, filter: EmployeeFilter) {
  const qb = em.createQueryBuilder(EmployeeSchema, 'e');
  if (filter.status) qb.andWhere({ status: filter.status });
  else if (!filter.includeTerminated) qb.andWhere({ status: { $ne: 'TERMINATED' } });
  if (filter.department) qb.andWhere({ department: filter.department });
  if (filter.managerId) qb.andWhere({ managerId: filter.managerId });
  if (filter.reportsTo) {
    const t = table(em);
    qb.andWhere(
      `e.id in (with recursive tree(id) as (
         select id from ${t} where manager_id = ?
         union
         select c.id from ${t} c join tree on c.manager_id = tree.id
       ) select id from tree)`,
      [filter.reportsTo],
    );
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    qb.andWhere(
      `(lower(e.first_name || ' ' || e.last_name) like ? escape '!'
        or lower(e.last_name || ' ' || e.first_name) like ? escape '!'
        or lower(e.employee_number) like ? escape '!')`,
      [pattern, pattern, pattern],
    );
  }
  return qb;
}

/**
 * One page of the directory in (last name, first name, id) order. The cursor
 * is that key, so a page is an index range scan however deep it is, and rows
 * added or removed meanwhile cause neither gaps nor repeats.
 */
export async function listEmployees(
  em: EntityManager,
  filter: EmployeeFilter,
  first: number,
  after?: string | null,
): Promise<Page> {
  const page = filtered(em, filter);
  if (after) page.andWhere('(e.last_name, e.first_name, e.id) > (?, ?, ?)', decodeCursor(after, 3));
  page.orderBy({ lastName: 'asc', firstName: 'asc', id: 'asc' }).limit(first + 1);
  // Read-only: plain rows skip building managed entities, the main cost of a page.
  const rows = await page.execute<Employee[]>('all');
  const totalCount = await filtered(em, filter).getCount();
  return { ...pageOf(rows, first, (e) => [e.lastName, e.firstName, e.id]), totalCount };
}
