import type { EntityManager } from '@mikro-orm/knex';
import { byEmployee } from '../../../runtime';
import {
  AttendanceDaySchema,
  AttendanceEntrySchema,
  type AttendanceDay,
  type AttendanceEntry,
} from './entities';

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
  return byEmployee(rows);
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
  return byEmployee(rows);
}
