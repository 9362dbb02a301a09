import fs from 'node:fs';
import v8 from 'node:v8';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/knex';
import {
  closeNats,
  connectNats,
  createEvent,
  createOutboxRelay,
  DEFAULT_NAMESPACE,
  ensureStreams,
  recordEvent,
} from '../messaging';
import {
  ConfigError,
  createLogger,
  loadConfig,
  natsConnectionOf,
  openSubgraphDatabase,
  outboxKeepSentMsOf,
  streamOptionsOf,
  targetFor,
} from '../runtime';
import { agreements, importAgreements, recordsOf } from '../subgraphs/agreements/src';

/**
 * `npm run import:agreements -- FILE [--dry-run] [--format CSV|JSONL]`: a TAMS
 * export streamed straight into the agreements database, with the same checks
 * and report as the `importAgreements` mutation. Events wait in the outbox
 * (and are published now when NATS_URL is set).
 */
const USAGE = 'Usage: import-agreements FILE [--dry-run] [--format CSV|JSONL]';

function parseArgs(argv: string[]) {
  const dryRun = argv.includes('--dry-run');
  const formatAt = argv.indexOf('--format');
  const format = formatAt >= 0 ? argv[formatAt + 1]?.toUpperCase() : undefined;
  const file = argv.find((arg, i) => !arg.startsWith('--') && (formatAt < 0 || i !== formatAt + 1));
  if (!file) throw new ConfigError(USAGE);
  if (format !== undefined && format !== 'CSV' && format !== 'JSONL')
    throw new ConfigError(`--format must be CSV or JSONL. ${USAGE}`);
  const guessed = /\.(jsonl|ndjson)$/i.test(file) ? 'JSONL' : 'CSV';
  return { file, dryRun, format: (format ?? guessed) as 'CSV' | 'JSONL' };
}

async function main(): Promise<void> {
  // The live set stays small while garbage comes fast; V8 would let the heap grow to four
  // times the live set between full collections, most of an import's peak memory.
  v8.setFlagsFromString('--heap-growing-percent=50');
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (!fs.existsSync(args.file)) throw new ConfigError(`No file ${args.file}.`);
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'import-agreements' });
  const orm = await openSubgraphDatabase(agreements, targetFor('agreements', config));
  const correlationId = uuidv7();
  const started = Date.now();
  try {
    const report = await importAgreements(
      recordsOf(args.format, fs.createReadStream(args.file, { encoding: 'utf8' })),
      {
        em: orm.em.fork() as EntityManager,
        dryRun: args.dryRun,
        correlationId,
        emit: (tx, draft) =>
          recordEvent(
            tx,
            createEvent(draft, {
              source: '/subgraphs/agreements',
              correlationId,
              actor: 'service:import-agreements',
            }),
            DEFAULT_NAMESPACE,
          ),
        onProgress: (rows) => {
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write(
            `${rows} rows read, ${Math.round(rows / Math.max(seconds, 0.001))} rows/s\n`,
          );
        },
      },
    );
    if (config.NATS_URL && !args.dryRun) {
      const nats = await connectNats({ ...natsConnectionOf(config), name: 'import-agreements' });
      await ensureStreams(nats.jsm, DEFAULT_NAMESPACE, streamOptionsOf(config));
      const relay = createOutboxRelay({
        orm,
        js: nats.js,
        namespace: DEFAULT_NAMESPACE,
        logger,
        keepSentMs: outboxKeepSentMsOf(config),
      });
      await relay.drain();
      await closeNats(nats.nc);
    }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  const message = (error as { message?: string }).message;
  const known = error instanceof ConfigError || (error as { code?: string }).code !== undefined;
  console.error(known && message ? message : error);
  process.exit(1);
});
