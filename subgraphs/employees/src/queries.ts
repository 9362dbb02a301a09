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

/** A WHERE clause and its values, in the order of its placeholders. */
interface Condition {
  sql: string;
  params: unknown[];
}

function filterCondition(em: EntityManager, filter: EmployeeFilter): Condition {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (filter.status) add('e.status = ?', filter.status);
  else if (!filter.includeTerminated) add('e.status != ?', 'TERMINATED');
  if (filter.department) add('e.department = ?', filter.department);
  if (filter.managerId) add('e.manager_id = ?', filter.managerId);
  if (filter.reportsTo) {
    const t = table(em);
    add(
      `e.id in (with recursive tree(id) as (
         select id from ${t} where manager_id = ?
         union
         select c.id from ${t} c join tree on c.manager_id = tree.id
       ) select id from tree)`,
      filter.reportsTo,
    );
  }
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    add(
      `(lower(e.first_name || ' ' || e.last_name) like ? escape '!'
        or lower(e.last_name || ' ' || e.first_name) like ? escape '!'
        or lower(e.employee_number) like ? escape '!')`,
      pattern,
      pattern,
      pattern,
    );
  }
  return { sql: parts.length ? parts.join(' and ') : '1 = 1', params };
}

/**
 * One page of the directory in (last name, first name, id) order. The cursor
 * is that key, so a page is an index range scan however deep it is, and rows
 * added or removed meanwhile cause neither gaps nor repeats.
 *
 * The two statements are written out rather than built with the query builder: building
 * them cost a tenth of a directory request, more than running them. Rows are read plain
 * (no managed entities, nothing is written after) and mapped to properties as the query
 * builder maps them.
 */
export async function listEmployees(
  em: EntityManager,
  filter: EmployeeFilter,
  first: number,
  after?: string | null,
): Promise<Page> {
  const where = filterCondition(em, filter);
  const t = table(em);
  const page = { ...where };
  if (after) {
    page.sql += ' and (e.last_name, e.first_name, e.id) > (?, ?, ?)';
    page.params = [...page.params, ...decodeCursor(after, 3)];
  }
  const rows = await em.execute<Record<string, unknown>[]>(
    `select e.* from ${t} as e where ${page.sql}
     order by e.last_name asc, e.first_name asc, e.id asc limit ?`,
    [...page.params, first + 1],
  );
  const count = await em.execute<{ count: number | string }>(
    `select count(*) as count from ${t} as e where ${where.sql}`,
    where.params,
    'get',
  );
  const meta = em.getMetadata().get(EmployeeSchema.meta.className);
  const employees = rows.map((row) => em.getDriver().mapResult(row, meta) as Employee);
  return {
    ...pageOf(employees, first, (e) => [e.lastName, e.firstName, e.id]),
    totalCount: Number(count.count),
  };
}

/** The departments of everyone not terminated, each once, in alphabetical order. */
export async function listDepartments(em: EntityManager): Promise<string[]> {
  const rows = await em
    .createQueryBuilder(EmployeeSchema)
    .select('department', true)
    .where({ status: { $ne: 'TERMINATED' } })
    .orderBy({ department: 'asc' })
    .execute<{ department: string }[]>('all');
  return rows.map((row) => row.department);
}
