import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { sqlTable } from '../../../runtime/src/database';
import {
  AttendanceDaySchema,
  AttendanceEntrySchema,
  EmployeeCopySchema,
  type AttendanceDay,
  type AttendanceEntry,
} from './entities';

/** Deeper than any real organisation; stops a walk if bad data ever held a loop. */
const MAX_DEPTH = 64;
/** Ids per `in (...)` list, well inside every driver's parameter limit. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Takes the person's write turn until `tx` ends: the update locks their copy row, so two
 * check-ins of one person cannot both pass the "one open check-in" rule. False when
 * attendance has no copy of the employee.
 */
export async function lockEmployee(tx: EntityManager, employeeId: string): Promise<boolean> {
  const affected = await tx
    .createQueryBuilder(EmployeeCopySchema)
    .update({ writeLock: raw('write_lock + 1') })
    .where({ id: employeeId })
    .execute('run');
  return affected.affectedRows > 0;
}

/** The person's live entries (not superseded) that share an instant with `[start, end)`. */
export function overlapping(
  tx: EntityManager,
  employeeId: string,
  start: Date,
  end: Date | null,
  exceptId?: string | null,
): Promise<AttendanceEntry[]> {
  return tx.find(
    AttendanceEntrySchema,
    {
      employeeId,
      supersededById: null,
      ...(exceptId && { id: { $ne: exceptId } }),
      ...(end && { checkInTime: { $lt: end } }),
      $or: [{ checkOutTime: null }, { checkOutTime: { $gt: start } }],
    },
    { orderBy: { checkInTime: 'asc' } },
  );
}

/** The person's latest live entry that is still open, if any. */
export function openEntry(tx: EntityManager, employeeId: string): Promise<AttendanceEntry | null> {
  return tx.findOne(
    AttendanceEntrySchema,
    { employeeId, supersededById: null, checkOutTime: null },
    { orderBy: { checkInTime: 'desc' } },
  );
}

/** Processed days of many employees between two dates (inclusive), in one query. */
export async function daysOf(
  em: EntityManager,
  employeeIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, AttendanceDay[]>> {
  const rows = await em.find(
    AttendanceDaySchema,
    { employeeId: { $in: [...employeeIds] }, date: { $gte: from, $lte: to } },
    { orderBy: { date: 'asc' } },
  );
  const byEmployee = new Map(employeeIds.map((id) => [id, [] as AttendanceDay[]]));
  for (const row of rows) byEmployee.get(row.employeeId)?.push(row);
  return byEmployee;
}

/** Entries (superseded ones too) of many employees on days `from` to `to`, in one query. */
export async function entriesOf(
  em: EntityManager,
  employeeIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, AttendanceEntry[]>> {
  const rows = await em.find(
    AttendanceEntrySchema,
    { employeeId: { $in: [...employeeIds] }, date: { $gte: from, $lte: to } },
    { orderBy: { checkInTime: 'asc', id: 'asc' } },
  );
  const byEmployee = new Map(employeeIds.map((id) => [id, [] as AttendanceEntry[]]));
  for (const row of rows) byEmployee.get(row.employeeId)?.push(row);
  return byEmployee;
}

/** The managers above each employee in attendance's copy of the reporting lines, nearest first. */
export async function managerChains(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const chains = new Map(ids.map((id) => [id, [] as string[]]));
  const t = sqlTable(em, 'AttendanceEmployee');
  for (const part of chunks(ids)) {
    const rows = await em.execute<{ start_id: string; manager_id: string }[]>(
      `with recursive chain(start_id, manager_id, depth) as (
         select id, manager_id, 0 from ${t} where id in (${part.map(() => '?').join(', ')})
         union all
         select chain.start_id, e.manager_id, chain.depth + 1
           from chain join ${t} e on e.id = chain.manager_id
          where chain.depth < ${MAX_DEPTH}
       )
       select start_id, manager_id from chain where manager_id is not null order by start_id, depth`,
      [...part],
    );
    for (const row of rows) chains.get(row.start_id)?.push(row.manager_id);
  }
  return chains;
}
