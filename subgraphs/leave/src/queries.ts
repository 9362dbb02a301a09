import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { sqlTable } from '../../../runtime/src/database';
import {
  ACTIVE_STATUSES,
  type LeaveStatus,
  EmployeeCopySchema,
  LeaveRequestSchema,
  type LeaveRequest,
} from './entities';

/** Deeper than any real organisation; stops a walk if bad data ever held a loop. */
const MAX_DEPTH = 64;

/**
 * Takes the person's write turn until `tx` ends: the update locks their copy row, so two
 * requests of one person cannot both pass the overlap and balance checks. False when
 * leave has no copy of the employee.
 */
export async function lockEmployee(tx: EntityManager, employeeId: string): Promise<boolean> {
  const affected = await tx
    .createQueryBuilder(EmployeeCopySchema)
    .update({ writeLock: raw('write_lock + 1') })
    .where({ id: employeeId })
    .execute('run');
  return affected.affectedRows > 0;
}

/** The person's pending or approved requests sharing a day with `[start, end]`. */
export function overlapping(
  tx: EntityManager,
  employeeId: string,
  start: string,
  end: string,
): Promise<LeaveRequest[]> {
  return tx.find(
    LeaveRequestSchema,
    {
      employeeId,
      status: { $in: ACTIVE_STATUSES },
      startDate: { $lte: end },
      endDate: { $gte: start },
    },
    { orderBy: { startDate: 'asc' } },
  );
}

/** Pending or approved requests of many employees that end on or after `floor`, in one query. */
export async function activeRequestsOf(
  em: EntityManager,
  employeeIds: readonly string[],
  floor: string,
): Promise<Map<string, LeaveRequest[]>> {
  const rows = await em.find(
    LeaveRequestSchema,
    {
      employeeId: { $in: [...employeeIds] },
      status: { $in: ACTIVE_STATUSES },
      endDate: { $gte: floor },
    },
    { orderBy: { startDate: 'asc' } },
  );
  const byEmployee = new Map(employeeIds.map((id) => [id, [] as LeaveRequest[]]));
  for (const row of rows) byEmployee.get(row.employeeId)?.push(row);
  return byEmployee;
}

/** Requests of many employees (of one status, or all), newest start first, in one query. */
export async function requestsOf(
  em: EntityManager,
  employeeIds: readonly string[],
  status: LeaveStatus | null,
): Promise<Map<string, LeaveRequest[]>> {
  const rows = await em.find(
    LeaveRequestSchema,
    { employeeId: { $in: [...employeeIds] }, ...(status && { status }) },
    { orderBy: { startDate: 'desc', id: 'desc' } },
  );
  const byEmployee = new Map(employeeIds.map((id) => [id, [] as LeaveRequest[]]));
  for (const row of rows) byEmployee.get(row.employeeId)?.push(row);
  return byEmployee;
}

/** The managers above each employee in leave's copy of the reporting lines, nearest first. */
export async function managerChains(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const t = sqlTable(em, 'LeaveEmployee');
  const rows = await em.execute<{ start_id: string; manager_id: string }[]>(
    `with recursive chain(start_id, manager_id, depth) as (
       select id, manager_id, 0 from ${t} where id in (${ids.map(() => '?').join(', ')})
       union all
       select chain.start_id, e.manager_id, chain.depth + 1
         from chain join ${t} e on e.id = chain.manager_id
        where chain.depth < ${MAX_DEPTH}
     )
     select start_id, manager_id from chain where manager_id is not null order by start_id, depth`,
    [...ids],
  );
  const chains = new Map(ids.map((id) => [id, [] as string[]]));
  for (const row of rows) chains.get(row.start_id)?.push(row.manager_id);
  return chains;
}
