import { openSubgraphDatabase, type DatabaseTarget } from '../../runtime';
import { subgraphs } from '../../subgraphs';
import { databasePerTest } from '../../test-support/suiteDatabase';
import { migrateSubgraphs } from '../src/startup/migrateSubgraphs';
import { onPostgres } from '../../test-support/onPostgres';

/** What the entities still lack after the committed migrations ran: '' when they agree. */
async function missingFromMigrations(target: DatabaseTarget, name: string): Promise<string> {
  const module = subgraphs.find((s) => s.name === name)!;
  const orm = await openSubgraphDatabase(module, target);
  try {
    const schema = target.kind === 'postgres' ? target.schema : undefined;
    return (await orm.schema.getUpdateSchemaSQL({ wrap: false, schema })).trim();
  } finally {
    await orm.close();
  }
}

async function history(target: DatabaseTarget, name: string): Promise<string[]> {
  const module = subgraphs.find((s) => s.name === name)!;
  const orm = await openSubgraphDatabase(module, target);
  try {
    const table =
      target.kind === 'postgres'
        ? `"${target.schema}".mikro_orm_migrations`
        : 'mikro_orm_migrations';
    const rows = await orm.em
      .getConnection()
      .execute<{ name: string }[]>(`select name from ${table} order by id`);
    return rows.map((r: { name: string }) => r.name);
  } finally {
    await orm.close();
  }
}

describe('committed migrations', () => {
  const db = databasePerTest();

  // A change to an entity without its migration fails here (npm run migration:create).
  it.each(subgraphs.map((s) => s.name))('make the tables %s’s entities describe', async (name) => {
    const [done] = await migrateSubgraphs(
      subgraphs.filter((s) => s.name === name),
      db.target,
    );
    expect(done!.adopted).toEqual([]);
    expect(done!.applied.length).toBeGreaterThan(0);
    expect(await missingFromMigrations(db.target(name), name)).toBe('');
  });

  it('run once when two replicas start together, and again find nothing to do', async () => {
    const billing = subgraphs.filter((s) => s.name === 'billing');
    const [first, second] = await Promise.all([
      migrateSubgraphs(billing, db.target),
      migrateSubgraphs(billing, db.target),
    ]);
    const applied = [...first![0]!.applied, ...second![0]!.applied];
    const names = await history(db.target('billing'), 'billing');
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    // On PostgreSQL the lock lets one replica run them and the other find them done.
    if (onPostgres) expect([...applied].sort()).toEqual([...names].sort());
    const [again] = await migrateSubgraphs(billing, db.target);
    expect(again).toMatchObject({ applied: [], adopted: [] });
  });
});
