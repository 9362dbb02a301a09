import type { EntitySchema, FilterQuery, OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { findByEmployee } from '../../../runtime';
import { AttendanceDaySchema, AttendanceEntrySchema, type AttendanceEntry } from './entities';

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

/** A read of many employees' rows on days `from` to `to` (inclusive), in one query. */
function onDays<T extends { employeeId: string; date: string }>(
  schema: EntitySchema<T>,
  orderBy: OrderDefinition<T>,
) {
  return (
    em: EntityManager,
    employeeIds: readonly string[],
    from: string,
    to: string,
  ): Promise<Map<string, T[]>> =>
    findByEmployee(
      em,
      schema,
      employeeIds,
      { date: { $gte: from, $lte: to } } as FilterQuery<T>,
      orderBy,
    );
}

/** Processed days of many employees between two dates (inclusive). */
export const daysOf = onDays(AttendanceDaySchema, { date: 'asc' });

/** Entries (superseded ones too) of many employees on days `from` to `to`. */
export const entriesOf = onDays(AttendanceEntrySchema, { checkInTime: 'asc', id: 'asc' });
