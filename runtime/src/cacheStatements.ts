/** How many prepared statements one SQLite connection keeps (least recently used go first). */
export const STATEMENT_CACHE_SIZE = 500;

/** The part of a better-sqlite3 connection the cache wraps. */
export interface PreparingDatabase {
  prepare(sql: string): unknown;
}

/**
 * Makes `db.prepare` reuse the statement it prepared for the same SQL before. Knex prepares
 * every query anew, and on an event's hot path parsing the SQL cost as much as running it.
 * A statement is safe to reuse here: knex runs each to completion (`all` or `run`) at once.
 */
export function cacheStatements(db: PreparingDatabase, size = STATEMENT_CACHE_SIZE): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, unknown>();
  db.prepare = (sql: string) => {
    if (cache.has(sql)) {
      const cached = cache.get(sql);
      // Re-inserted to mark it as the most recently used.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
