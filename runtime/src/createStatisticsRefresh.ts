import type { EntityManager } from '@mikro-orm/core';
import { isPostgres, sqlTable } from './database';

/** Refreshes the statistics of a set of tables as writes grow them; see createStatisticsRefresh. */
export type StatisticsRefresh = (em: EntityManager, written: number) => Promise<void>;

/**
 * Keeps PostgreSQL's planner statistics current while a bulk write grows tables fast.
 *
 * Autovacuum looks at a table about once a minute (and may be off). A table that grows from
 * empty within that has no statistics, and the planner then reads a lookup by a list of ids
 * as most of the table: a sequential scan per batch that gets slower as the table grows.
 *
 * The returned function takes the rows (or events) written so far by this process, and
 * analyzes each table once that count has reached what the planner believed the table held
 * at its last statistics (at least `first`), counted from when it took them. So a table
 * loaded from empty is analyzed about log2(n / first) times, a table that grows a hundred
 * rows a write is analyzed once or twice, and a process that restarts beside large,
 * analyzed tables analyzes none until it has written as much again.
 *
 * On SQLite it does nothing: SQLite takes the index for such lookups without statistics.
 */
export function createStatisticsRefresh(
  entities: readonly string[],
  first = 500,
): StatisticsRefresh {
  const marks = new Map<string, number>();
  const markAll = async (em: EntityManager, tables: string[], written: number) => {
    const rows = await believedRows(em, tables);
    tables.forEach((table, i) => marks.set(table, written + Math.max(first, rows[i]!)));
  };
  return async (em, written) => {
    if (!isPostgres(em)) return;
    const tables = entities.map((entity) => sqlTable(em, entity));
    if (marks.size === 0) await markAll(em, tables, 0);
    const due = tables.filter((table) => written >= marks.get(table)!);
    if (due.length === 0) return;
    await em
      .getConnection()
      .execute(`analyze ${due.join(', ')}`, [], 'run', em.getTransactionContext());
    await markAll(em, due, written);
  };
}

/** The rows the planner believes each of `tables` holds (0 before any analyze). */
async function believedRows(em: EntityManager, tables: string[]): Promise<number[]> {
  const columns = tables.map(
    (table, i) =>
      `(select greatest(reltuples, 0) from pg_class where oid = '${table.replace(/'/g, "''")}'::regclass) as t${i}`,
  );
  const [row] = await em
    .getConnection()
    .execute<Record<string, number>[]>(
      `select ${columns.join(', ')}`,
      [],
      'all',
      em.getTransactionContext(),
    );
  return tables.map((_, i) => Number(row?.[`t${i}`] ?? 0));
}
