import type { Migration } from '@mikro-orm/migrations';

/**
 * The `down()` of a PostgreSQL migration that made `tables`: drops each, in the order given,
 * with whatever depends on it.
 */
export function dropTables(migration: Migration, tables: readonly string[]): void {
  for (const table of tables) migration.addSql(`drop table if exists "${table}" cascade;`);
}
