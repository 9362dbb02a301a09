import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { sqlTable } from '../../../runtime/src/database';
import {
  EmployeeCopySchema,
  ScheduledShiftSchema,
  TimeEntrySchema,
  type ScheduledShift,
  type TimeEntry,
} from './entities';
import type { Clash, ClashingEntry } from './errors';

/** Deeper than any real organisation; stops a walk if bad data ever held a loop. */
const MAX_DEPTH = 64;

/**
 * Takes the person's write turn until `tx` ends: the update locks their copy row, so
 * two writes of one person's time cannot both pass the overlap check. False when
 * time has no copy of the employee.
 */
export async function lockEmployee(tx: EntityManager, employeeId: string): Promise<boolean> {
  const affected = await tx
    .createQueryBuilder(EmployeeCopySchema)
    .update({ writeLock: raw('write_lock + 1') })
    .where({ id: employeeId })
    .execute('run');
  return affected.affectedRows > 0;
}

/** The person's live entries that share any instant with `[start, end)`; null end = open. */
export async function overlapping(
  tx: EntityManager,
  employeeId: string,
  start: Date,
  end: Date | null,
  exceptId?: string,
): Promise<TimeEntry[]> {
  return tx.find(
    TimeEntrySchema,
    {
      employeeId,
      deletedAt: null,
      ...(exceptId && { id: { $ne: exceptId } }),
      ...(end && { startTime: { $lt: end } }),
      $or: [{ endTime: null }, { endTime: { $gt: start } }],
    },
    { orderBy: { startTime: 'asc' } },
  );
}

const NEVER = Number.POSITIVE_INFINITY;

/**
 * How `[start, end)` meets `other`: START when its start falls inside the other, END
 * when its end does, BOTH when it covers the other or sits inside it. Open ends run forever.
 */
export function clashOf(start: Date, end: Date | null, other: TimeEntry): Clash {
  const s = start.getTime();
  const e = end ? end.getTime() : NEVER;
  const os = other.startTime.getTime();
  const oe = other.endTime ? other.endTime.getTime() : NEVER;
  const startInside = os <= s && s < oe;
  const endInside = os < e && e <= oe && e !== NEVER;
  if (startInside && !endInside) return 'START';
  if (endInside && !startInside) return 'END';
  return 'BOTH';
}

export function clashes(start: Date, end: Date | null, others: TimeEntry[]): ClashingEntry[] {
  return others.map((other) => ({
    id: other.id,
    startTime: other.startTime.toISOString(),
    endTime: other.endTime ? other.endTime.toISOString() : null,
    clash: clashOf(start, end, other),
  }));
}

/** Live entries of many employees overlapping `[from, to)`, in one query. */
export async function entriesOf(
  em: EntityManager,
  employeeIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, TimeEntry[]>> {
  const rows = await em
    .createQueryBuilder(TimeEntrySchema)
    .where({
      employeeId: { $in: [...employeeIds] },
      deletedAt: null,
      startTime: { $lt: to },
      $or: [{ endTime: null }, { endTime: { $gt: from } }],
    })
    .orderBy({ employeeId: 'asc', startTime: 'asc' })
    .getResultList();
  const byEmployee = new Map(employeeIds.map((id) => [id, [] as TimeEntry[]]));
  for (const row of rows) byEmployee.get(row.employeeId)?.push(row);
  return byEmployee;
}

/** Published shifts of many employees starting inside `[from, to)`, in one query. */
export async function shiftsOf(
  em: EntityManager,
  employeeIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, ScheduledShift[]>> {
  const rows = await em.find(
    ScheduledShiftSchema,
    { employeeId: { $in: [...employeeIds] }, start: { $gte: from, $lt: to } },
    { orderBy: { start: 'asc' } },
  );
  const byEmployee = new Map(employeeIds.map((id) => [id, [] as ScheduledShift[]]));
  for (const row of rows) byEmployee.get(row.employeeId)?.push(row);
  return byEmployee;
}

/** The managers above each employee in time's copy of the reporting lines, nearest first. */
export async function managerChains(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const t = sqlTable(em, 'EmployeeCopy');
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
