import {
  type DatabaseTarget,
  type MigrationOutcome,
  openSubgraphDatabase,
  type TableOwner,
} from '../../../runtime';

/** What migrating one subgraph's database did. */
export interface SubgraphMigration extends MigrationOutcome {
  subgraph: string;
}

/**
 * Brings each module's database up to its last migration, one after another, without
 * starting any of them (`npm run migrate`, the migration job before a rolling upgrade).
 */
export async function migrateSubgraphs(
  modules: readonly TableOwner[],
  database: (subgraph: string) => DatabaseTarget,
): Promise<SubgraphMigration[]> {
  const done: SubgraphMigration[] = [];
  for (const module of modules) {
    let outcome: MigrationOutcome = { applied: [], adopted: [] };
    const orm = await openSubgraphDatabase(module, database(module.name), (o) => {
      outcome = o;
    });
    await orm.close();
    done.push({ subgraph: module.name, ...outcome });
  }
  return done;
}
