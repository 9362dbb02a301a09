import type { EntityManager } from '@mikro-orm/knex';
import { decodeCursor, pageOf, pageSize, sqlTable } from '../../../../runtime';
import type { ComplianceContext } from '../resolvers';
import type { ComplianceSettings } from '../settings';
import { EmployeeCopySchema } from '../entities';
import { forbidden, invalid } from '../errors';
import { assertCanSeePerson, assertNotPartner, seesEveryone } from '../permissions';
import { TrainingAssignmentSchema } from './entities';
import { statusCondition, TRAINING_STATUSES, trainingToday, type TrainingStatus } from './status';

export interface AssignmentFilter {
  employeeId?: string | null;
  managerId?: string | null;
  department?: string | null;
  courseId?: string | null;
  status?: TrainingStatus | null;
}

/** Deeper than any real organisation; stops a walk if bad data ever held a loop. */
const MAX_DEPTH = 64;

/**
 * The filter a caller may use: HR, ADMIN and AUDITOR anything; a MANAGER their own team
 * (by default) or a person or sub-team within it; anyone else their own training.
 */
async function allowedFilter(
  ctx: ComplianceContext,
  filter: AssignmentFilter,
): Promise<AssignmentFilter> {
  const { identity } = ctx;
  assertNotPartner(identity, 'training');
  if (seesEveryone(identity)) return filter;
  const me = identity.employeeId;
  if (!me) throw forbidden('Only a person may read their training.');
  const chainOf = (id: string) => ctx.loaders.managerChain.load(id);
  if (filter.employeeId) await assertCanSeePerson(identity, filter.employeeId, chainOf, 'training');
  if (identity.role !== 'MANAGER') {
    if (filter.managerId) throw forbidden("You may not read a team's training.");
    return { ...filter, employeeId: me };
  }
  if (filter.employeeId && !filter.managerId) return filter;
  const managerId = filter.managerId ?? me;
  if (managerId !== me && !(await chainOf(managerId)).includes(me))
    throw forbidden("You may not read another manager's team.");
  return { ...filter, managerId };
}

function checkFilter(filter: AssignmentFilter): void {
  if (filter.status && !TRAINING_STATUSES.includes(filter.status))
    throw invalid('filter.status', 'Unknown status.');
  if (filter.department !== undefined && filter.department !== null) {
    const department = filter.department.trim();
    if (!department || department.length > 100)
      throw invalid('filter.department', 'department must be 1 to 100 characters.');
  }
}

/** Where a page of assignments starts (after the cursor's due date and id) and its size. */
interface PageBounds {
  after: string[] | null;
  limit: number;
}

/**
 * The SQL of a filtered, paged list of assignments' ids, ordered by due date then id; without
 * `page`, the count of all the filter selects.
 */
function listQuery(
  em: EntityManager,
  filter: AssignmentFilter,
  today: string,
  reminderDays: number,
  page: PageBounds | null,
) {
  const a = sqlTable(em, TrainingAssignmentSchema.meta.className);
  const e = sqlTable(em, EmployeeCopySchema.meta.className);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  let withTeam = '';
  if (filter.managerId) {
    withTeam = `with recursive team(id, depth) as (
        select id, 1 from ${e} where manager_id = ?
        union all
        select x.id, team.depth + 1 from ${e} x join team on x.manager_id = team.id
         where team.depth < ${MAX_DEPTH}
      ) `;
    add('a.employee_id in (select id from team)', filter.managerId);
  }
  if (filter.employeeId) add('a.employee_id = ?', filter.employeeId);
  if (filter.courseId) add('a.course_id = ?', filter.courseId);
  if (filter.department)
    add(
      `a.employee_id in (select id from ${e} where lower(department) = lower(?))`,
      filter.department.trim(),
    );
  if (filter.status) {
    const condition = statusCondition(filter.status, today, reminderDays);
    add(condition.sql, ...condition.params);
  }
  const after = page?.after;
  if (after) add('(a.due_date > ? or (a.due_date = ? and a.id > ?))', after[0], after[0], after[1]);
  const selected =
    `${withTeam}select ${page ? 'a.id' : 'count(*) as count'} from ${a} a` +
    (where.length ? ` where ${where.join(' and ')}` : '');
  const sql = page ? `${selected} order by a.due_date, a.id limit ${page.limit}` : selected;
  return { sql, params };
}

/** trainingAssignments: a filtered page by due date, under the caller's rights. */
export async function listAssignments(
  ctx: ComplianceContext,
  settings: ComplianceSettings,
  args: { first?: number | null; after?: string | null; filter?: AssignmentFilter | null },
) {
  const size = pageSize(args.first);
  const asked = args.filter ?? {};
  checkFilter(asked);
  const filter = await allowedFilter(ctx, asked);
  const after = args.after ? decodeCursor(args.after, 2) : null;
  const today = trainingToday(settings.now());
  const query = (page: PageBounds | null) =>
    listQuery(ctx.em, filter, today, settings.trainingReminderDays, page);
  const { sql, params } = query({ after, limit: size + 1 });
  const ids = (await ctx.em.execute<{ id: string }[]>(sql, params)).map((r) => r.id);
  const rows = ids.length
    ? await ctx.em.find(
        TrainingAssignmentSchema,
        { id: { $in: ids } },
        { orderBy: { dueDate: 'asc', id: 'asc' } },
      )
    : [];
  const counted = query(null);
  return {
    ...pageOf(rows, size, (row) => [row.dueDate, row.id]),
    totalCount: async () =>
      Number(
        (await ctx.em.execute<{ count: number | string }[]>(counted.sql, counted.params))[0]!.count,
      ),
  };
}

/** Employee.training: the person, their managers, HR, ADMIN and AUDITOR. */
export async function trainingOf(ctx: ComplianceContext, employeeId: string) {
  assertNotPartner(ctx.identity, 'training');
  await assertCanSeePerson(
    ctx.identity,
    employeeId,
    (id) => ctx.loaders.managerChain.load(id),
    'training',
  );
  return ctx.loaders.training.load(employeeId);
}

/** TrainingAssignment.course. */
export const courseOf = (ctx: ComplianceContext, courseId: string) =>
  ctx.loaders.course.load(courseId);
