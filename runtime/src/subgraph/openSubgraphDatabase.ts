import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { InboxEntry, OutboxEntry, ScheduledJob } from '../../../messaging';
import { openDatabase, type DatabaseTarget } from '../database';
import { IdempotencyRecordSchema } from '../idempotency';
import { baselineOf, withKitMigrations } from '../migrations/kitMigrations';
import type { MigrationOutcome } from '../migrations/migrateDatabase';
import type { MigrationSet } from '../migrations/MigrationSet';
import { dbQueries } from '../metrics';
import type { SubgraphModule } from './SubgraphModule';

/** What of a module says which tables it has. */
export type TableOwner = Pick<SubgraphModule<unknown>, 'name' | 'entities' | 'migrations'>;

/** The module's entities and the tables every subgraph has beside its own. */
export const subgraphEntities = (module: Pick<SubgraphModule<unknown>, 'entities'>) => [
  ...module.entities,
  OutboxEntry,
  InboxEntry,
  ScheduledJob,
  IdempotencyRecordSchema,
];

/** The kit's and the module's migrations; a database from before them adopts the first of each. */
function migrationsOf(own: MigrationSet, target: DatabaseTarget) {
  const engine = target.kind === 'sqlite' ? 'sqlite' : 'postgresql';
  return {
    migrations: withKitMigrations(own),
    adopt: { markerTable: 'outbox', baseline: baselineOf(own, engine) },
  };
}

/**
 * Opens the module's database with the tables every subgraph has beside its own (outbox,
 * inbox, scheduled jobs, idempotency records), counting its queries in the metrics.
 */
export async function openSubgraphDatabase(
  module: TableOwner,
  target: DatabaseTarget,
  onMigrated?: (outcome: MigrationOutcome) => void,
): Promise<MikroORM> {
  const orm = await openDatabase({
    target,
    entities: subgraphEntities(module),
    ...(module.migrations ? migrationsOf(module.migrations, target) : {}),
    ...(onMigrated ? { onMigrated } : {}),
  });
  const queries = dbQueries.labels({ subgraph: module.name });
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', () => queries.inc());
  return orm;
}
