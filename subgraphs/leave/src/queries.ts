import type { QueryOrderMap } from '@mikro-orm/core';
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

/**
 * Pending or approved requests of many employees that end on or after `from` and, given a
 * `to`, start on or before it; in one query.
 */
async function activeRequestsWithin(
  em: EntityManager,
  employeeIds: readonly string[],
  { from, to }: { from: string; to?: string },
  orderBy: QueryOrderMap<LeaveRequest>,
): Promise<Map<string, LeaveRequest[]>> {
  const rows = await em.find(
    LeaveRequestSchema,
    {
      employeeId: { $in: [...employeeIds] },
      status: { $in: ACTIVE_STATUSES },
      ...(to !== undefined && { startDate: { $lte: to } }),
      endDate: { $gte: from },
    },
    { orderBy },
  );
  return byEmployee(employeeIds, rows);
}

/** Pending or approved requests of many employees that end on or after `floor`, in one query. */
export const activeRequestsOf = (
  em: EntityManager,
  employeeIds: readonly string[],
  floor: string,
) => activeRequestsWithin(em, employeeIds, { from: floor }, { startDate: 'asc' });

/** Pending or approved requests of many employees sharing a day with `[from, to]`, in one query. */
export const activeRequestsBetween = (
  em: EntityManager,
  employeeIds: readonly string[],
  from: string,
  to: string,
) => activeRequestsWithin(em, employeeIds, { from, to }, { startDate: 'asc', id: 'asc' });

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
