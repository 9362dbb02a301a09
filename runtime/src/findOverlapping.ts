import type { EntityDictionary, EntitySchema, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { queryBound, quotedTable } from '../../messaging';
import { columnOf, mapRows, statementOf } from './findRows';

/** The columns of a row's period: when it starts, and when it ends (null while it is open). */
export interface PeriodColumns<T> {
  start: keyof T & string;
  end: keyof T & string;
}

/** A period `[start, end)`; a null end is open. */
export interface Period {
  start: Date;
  end: Date | null;
}

/** Which rows are the caller's: each property equal to its value (null: is null). */
export type RowsOf<T> = { [K in keyof T & string]?: string | null };

/**
 * The rows matching `where` whose period shares an instant with `period`, all but the row
 * `exceptId` (the one being amended), earliest first (by id where two start together). Open
 * ends, on either side, run forever.
 *
 * Read as two branches of one bound statement: the rows ending after `period` starts (and
 * starting before it ends), and the rows still open. Each is led by the table's index on
 * `where`'s columns and the end column, so the read stays as short as the rows still running
 * at `period`'s start; led by the start column (the only bound `start < end` gives), it
 * walked the whole history before. The open rows' start is compared here, not in SQL, where
 * SQLite would take the start column's index for it. The table must have the end index.
 * While `tx` holds changes of the table that `find` would flush first, it goes through `find`.
 */
export async function findOverlapping<T extends { id: string }>(
  tx: EntityManager,
  schema: EntitySchema<T>,
  columns: PeriodColumns<T>,
  where: RowsOf<T>,
  period: Period,
  exceptId?: string | null,
): Promise<T[]> {
  const read: OverlapRead<T> = { tx, schema, columns, where, period, exceptId };
  const meta = tx.getMetadata().get(schema.meta.className);
  if (tx.getUnitOfWork().shouldAutoFlush(meta)) return findThroughOrm(read);
  const { sql, values } = overlapStatement(read);
  const rows = await queryBound<EntityDictionary<T>>(tx, sql, values);
  const startOf = (row: T) => (row[columns.start] as Date).getTime();
  const ends = period.end?.getTime() ?? Number.POSITIVE_INFINITY;
  const found = mapRows(tx, schema, rows).filter((row) => startOf(row) < ends);
  return found.sort((a, b) => startOf(a) - startOf(b) || (a.id < b.id ? -1 : 1));
}

/** The arguments of one `findOverlapping`. */
interface OverlapRead<T extends object> {
  tx: EntityManager;
  schema: EntitySchema<T>;
  columns: PeriodColumns<T>;
  where: RowsOf<T>;
  period: Period;
  exceptId?: string | null;
}

/** The bound statement of `findOverlapping` and its values. */
function overlapStatement<T extends object>(
  read: OverlapRead<T>,
): { sql: string; values: unknown[] } {
  const { tx, schema, columns, exceptId } = read;
  const { start, end } = read.period;
  const entries = Object.entries(read.where) as [string, string | null][];
  const className = schema.meta.className;
  const shape = entries.map(([name, value]) => `${name}${value === null ? '0' : '='}`);
  const key = `overlap:${className}:${shape.join(',')}:${exceptId ? 'except' : ''}:${end ? 'closed' : 'open'}`;
  const sql = statementOf(tx, key, () => {
    const column = (property: string) => columnOf(tx, className, property);
    const tests = entries.map(([name, value]) =>
      value === null ? `${column(name)} is null` : `${column(name)} = ?`,
    );
    if (exceptId) tests.push(`${column('id')} <> ?`);
    const select = `select * from ${quotedTable(tx, schema)} where ${tests.join(' and ')}`;
    const [starts, ends] = [column(columns.start), column(columns.end)];
    const closed = `${select}${end ? ` and ${starts} < ?` : ''} and ${ends} > ?`;
    return `${closed} union all ${select} and ${ends} is null`;
  });
  const date = (value: Date) => tx.getPlatform().processDateProperty(value);
  const shared = [
    ...entries.flatMap(([, value]) => (value === null ? [] : [value])),
    ...(exceptId ? [exceptId] : []),
  ];
  return { sql, values: [...shared, ...(end ? [date(end)] : []), date(start), ...shared] };
}

/** The same read through `find`, which flushes the manager's pending changes first. */
function findThroughOrm<T extends object>(read: OverlapRead<T>): Promise<T[]> {
  const { columns, exceptId } = read;
  const { start, end } = read.period;
  const filter = {
    ...read.where,
    ...(exceptId && { id: { $ne: exceptId } }),
    ...(end && { [columns.start]: { $lt: end } }),
    $or: [{ [columns.end]: null }, { [columns.end]: { $gt: start } }],
  };
  const options = { orderBy: { [columns.start]: 'asc', id: 'asc' } } as FindOptions<T>;
  return read.tx.find(read.schema, filter as FilterQuery<T>, options) as Promise<T[]>;
}
