import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationClass } from './MigrationSet';

/** The name a migration is recorded under in the history table: its class (and file) name. */
export const migrationName = (migration: MigrationClass): string => migration.name;

/**
 * MikroORM options for a migrator over a fixed list (no file globbing, so compiled code runs
 * them too). All pending migrations run in one transaction: an upgrade applies whole or not
 * at all.
 */
export function migrationOptions(list: MigrationClass[], path?: string): Partial<Options> {
  return {
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: list.map((migration) => ({
        name: migrationName(migration),
        class: migration,
      })),
      path,
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      disableForeignKeys: false,
      silent: true,
    },
  };
}
