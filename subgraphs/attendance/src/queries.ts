import type { EntitySchema, FilterQuery, OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { findByEmployee, findOverlapping, type Period } from '../../../runtime';
import { AttendanceDaySchema, AttendanceEntrySchema, type AttendanceEntry } from './entities';

/** The person's live entries (not superseded) that share an instant with `[start, end)`. */
export function overlapping(
  tx: EntityManager,
  employeeId: string,
  period: Period,
  exceptId?: string | null,
): Promise<AttendanceEntry[]> {
  const columns = { start: 'checkInTime', end: 'checkOutTime' } as const;
  const live = { employeeId, supersededById: null };
  return findOverlapping(tx, AttendanceEntrySchema, columns, live, period, exceptId);
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
