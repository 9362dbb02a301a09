import type { EntityManager } from '@mikro-orm/knex';
import {
  ACTIVE_STATUSES,
  type LeaveStatus,
  LeaveRequestSchema,
  type LeaveRequest,
} from './entities';

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
  return byEmployee(employeeIds, rows);
}

/** Pending or approved requests of many employees sharing a day with `[from, to]`, in one query. */
export async function activeRequestsBetween(
  em: EntityManager,
  employeeIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, LeaveRequest[]>> {
  const rows = await em.find(
    LeaveRequestSchema,
    {
      employeeId: { $in: [...employeeIds] },
      status: { $in: ACTIVE_STATUSES },
      startDate: { $lte: to },
      endDate: { $gte: from },
    },
    { orderBy: { startDate: 'asc', id: 'asc' } },
  );
  return byEmployee(employeeIds, rows);
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
  return byEmployee(employeeIds, rows);
}

/** Each employee's rows, in the order read (an empty list for one without any). */
function byEmployee(
  employeeIds: readonly string[],
  rows: LeaveRequest[],
): Map<string, LeaveRequest[]> {
  const found = new Map(employeeIds.map((id) => [id, [] as LeaveRequest[]]));
  for (const row of rows) found.get(row.employeeId)?.push(row);
  return found;
}
