import type { EntityManager } from '@mikro-orm/core';
import { isPostgres, sqlTable } from './database';

/**
 * Keeps PostgreSQL's planner statistics current while a bulk write grows tables fast.
 *
 * Autovacuum looks at a table about once a minute. A table that grows from empty within that
 * has no statistics, and the planner then reads a lookup by a list of ids as most of the table:
 * a sequential scan per batch that gets slower as the table grows. The returned function
 * analyzes the entities' tables each time the rows written have doubled since the last
 * analyze, from `first` on, so a load of n rows pays about log2(n / first) analyzes.
 *
 * On SQLite it does nothing: SQLite takes the index for such lookups without statistics.
 */
export function createStatisticsRefresh(
  em: EntityManager,
  entities: readonly string[],
  first = 500,
): (written: number) => Promise<void> {
  let next = first;
  return async (written) => {
    if (!isPostgres(em) || written < next) return;
    next = written * 2;
    const tables = entities.map((entity) => sqlTable(em, entity)).join(', ');
    await em.getConnection().execute(`analyze ${tables}`);
  };
}
