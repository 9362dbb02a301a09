import type { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

/** Whether the database is PostgreSQL (else embedded SQLite), for the few statements that differ. */
export const isPostgres = (orm: Pick<MikroORM, 'config'>): boolean =>
  orm.config.get('driver') === PostgreSqlDriver;
