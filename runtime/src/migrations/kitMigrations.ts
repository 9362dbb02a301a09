import { postgresql } from './kitTables/postgresql';
import { sqlite } from './kitTables/sqlite';
import type { MigrationSet } from './MigrationSet';

/** The migrations of the tables every subgraph has beside its own (outbox, inbox, jobs, ...). */
export const KIT_MIGRATIONS: MigrationSet = { sqlite, postgresql };

/** A subgraph's full list: the kit's tables first, then its own. */
export const withKitMigrations = (own?: MigrationSet): MigrationSet => ({
  sqlite: [...KIT_MIGRATIONS.sqlite, ...(own?.sqlite ?? [])],
  postgresql: [...KIT_MIGRATIONS.postgresql, ...(own?.postgresql ?? [])],
});

/**
 * The migrations that describe the tables a subgraph had before migrations existed: the
 * first of the kit's and the first of its own. A database made then adopts them as applied.
 */
export const baselineOf = (own: MigrationSet, engine: keyof MigrationSet): string[] =>
  [KIT_MIGRATIONS[engine][0], own[engine][0]].flatMap((m) => (m ? [m.name] : []));
