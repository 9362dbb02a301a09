/**
 * Seals every stored secret again with the current data key, after a rotation (docs/keys.md):
 *
 *   npm run reencrypt [-- --subgraph <name>] [--batch-size <rows>]
 *
 * It works on the configuration's databases (DATABASE_URL, else the SQLite files under
 * DATA_DIR), with the platform running or not, and reads with the configuration's key ring:
 * DATA_ENCRYPTION_KEY, the key it seals with, and DATA_ENCRYPTION_PREVIOUS_KEYS. It rewrites
 * only the sealed columns each subgraph declares (`sealedColumns`), in batches, and prints a
 * count per table. Safe to stop and run again: a value already sealed with the current key is
 * left alone. No event is emitted and no row's version or updatedAt moves: the data is the
 * same. Exit codes: 0 done, 1 some values could not be opened (their keys are missing from
 * the ring) or a database failed, 2 bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import {
  ConfigError,
  loadCipher,
  loadConfig,
  openSubgraphDatabase,
  reencryptSealed,
  targetFor,
  type ReencryptCount,
} from '../runtime';
import { subgraphs } from '../subgraphs';
import { subgraphNamed } from './lib/commandLine';

function optionsOf(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { subgraph: { type: 'string' }, 'batch-size': { type: 'string' } },
  });
  const batchSize = Number(values['batch-size'] ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new ConfigError('--batch-size must be a whole number from 1 to 10000.');
  const sealing = subgraphs.filter((s) => s.sealedColumns);
  if (!values.subgraph) return { modules: sealing, batchSize };
  return { modules: [subgraphNamed(values.subgraph, sealing)], batchSize };
}

function line(subgraph: string, count: ReencryptCount): string {
  const parts = [`re-encrypted ${count.reencrypted}`, `already current ${count.current}`];
  if (count.changedMeanwhile) parts.push(`changed meanwhile ${count.changedMeanwhile}`);
  if (count.unreadable) {
    const kids = count.missingKids.length ? ` (missing data keys: ${count.missingKids})` : '';
    parts.push(`unreadable ${count.unreadable}${kids}`);
  }
  return `${subgraph}.${count.table}: ${parts.join(', ')}`;
}

async function main(): Promise<number> {
  const { modules, batchSize } = optionsOf(process.argv.slice(2));
  const config = loadConfig();
  const cipher = loadCipher(config);
  console.log(`sealing with data key ${cipher.kid}`);
  let unreadable = 0;
  for (const module of modules) {
    const orm = await openSubgraphDatabase(module, targetFor(module.name, config));
    try {
      const counts = await reencryptSealed(orm.em.fork(), module.sealedColumns!, cipher, {
        batchSize,
      });
      for (const count of counts) {
        console.log(line(module.name, count));
        unreadable += count.unreadable;
      }
    } finally {
      await orm.close();
    }
  }
  return unreadable ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage =
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(error instanceof Error ? error.message : error);
    process.exit(usage ? 2 : 1);
  },
);
