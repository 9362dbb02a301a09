import type { EntityManager } from '@mikro-orm/knex';
import { byEmployee, findByEmployee, findOverlapping, type Period } from '../../../runtime';
import {
  ScheduledShiftSchema,
  TimeEntrySchema,
  type ScheduledShift,
  type TimeEntry,
} from './entities';
import type { Clash, ClashingEntry } from './errors';

/** The person's live entries that share any instant with `[start, end)`; null end = open. */
export function overlapping(
  tx: EntityManager,
  employeeId: string,
  period: Period,
  exceptId?: string,
): Promise<TimeEntry[]> {
  const columns = { start: 'startTime', end: 'endTime' } as const;
  const live = { employeeId, deletedAt: null };
  return findOverlapping(tx, TimeEntrySchema, columns, live, period, exceptId);
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
  return byEmployee(rows);
}

/** Published shifts of many employees starting inside `[from, to)`, in one query. */
export const shiftsOf = (
  em: EntityManager,
  employeeIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, ScheduledShift[]>> =>
  findByEmployee(
    em,
    ScheduledShiftSchema,
    employeeIds,
    { start: { $gte: from, $lt: to } },
    { start: 'asc' },
  );

/** The person's closed OVERTIME entries that share any instant with `[from, to)`. */
export async function overtimeWithin(
  tx: EntityManager,
  employeeId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<TimeEntry[]> {
  return tx.find(TimeEntrySchema, {
    employeeId,
    deletedAt: null,
    periodType: 'OVERTIME',
    ...(exceptId && { id: { $ne: exceptId } }),
    startTime: { $lt: to },
    endTime: { $ne: null, $gt: from },
  });
}
