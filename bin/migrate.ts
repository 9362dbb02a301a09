/**
 * Brings every subgraph's database up to its last committed migration, then exits:
 *
 *   npm run migrate [-- --subgraph <name>]
 *
 * It works on the configuration's databases (DATABASE_URL, else the SQLite files under
 * DATA_DIR), with the platform running or not: each schema is migrated under a lock, so a
 * replica starting at the same time waits and then finds nothing to do. Run it before
 * rolling out a release (docs/migrations.md). Exit codes: 0 done, 1 a migration failed
 * (its schema is left as it was), 2 bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, targetFor } from '../runtime';
import { subgraphNamed } from './lib/commandLine';
import { subgraphs } from '../subgraphs';
import { migrateSubgraphs } from '../platform/src/startup/migrateSubgraphs';

function chosen(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { subgraph: { type: 'string' } } });
  if (!values.subgraph) return subgraphs;
  return [subgraphNamed(values.subgraph, subgraphs)];
}

async function main(): Promise<void> {
  const config = loadConfig();
  const done = await migrateSubgraphs(chosen(process.argv.slice(2)), (name) =>
    targetFor(name, config),
  );
  for (const { subgraph, applied, adopted } of done) {
    const parts = [
      ...(adopted.length ? [`adopted ${adopted.join(', ')}`] : []),
      ...(applied.length ? [`applied ${applied.join(', ')}`] : []),
    ];
    console.log(`${subgraph}: ${parts.join('; ') || 'up to date'}`);
  }
}

main().catch((error: unknown) => {
  const usage =
    error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(error instanceof Error ? error.message : error);
  process.exit(usage ? 2 : 1);
});
