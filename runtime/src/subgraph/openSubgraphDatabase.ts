import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { InboxEntry, OutboxEntry, ScheduledJob } from '../../../messaging';
import { openDatabase, type DatabaseTarget } from '../database';
import { IdempotencyRecordSchema } from '../idempotency';
import { dbQueries } from '../metrics';
import type { SubgraphModule } from './SubgraphModule';

/**
 * Opens the module's database with the tables every subgraph has beside its own (outbox,
 * inbox, scheduled jobs, idempotency records), counting its queries in the metrics.
 */
export async function openSubgraphDatabase<L>(
  module: SubgraphModule<L>,
  target: DatabaseTarget,
): Promise<MikroORM> {
  const orm = await openDatabase({
    target,
    entities: [...module.entities, OutboxEntry, InboxEntry, ScheduledJob, IdempotencyRecordSchema],
  });
  const queries = dbQueries.labels({ subgraph: module.name });
  (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', () => queries.inc());
  return orm;
}
