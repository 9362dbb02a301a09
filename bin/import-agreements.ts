import fs from 'node:fs';
import v8 from 'node:v8';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from '@mikro-orm/knex';
import {
  closeNats,
  connectNats,
  createEvent,
  createNamespace,
  createOutboxRelay,
  ensureStreams,
  type Namespace,
  recordEvent,
} from '../messaging';
import {
  type AppConfig,
  ConfigError,
  createLogger,
  createOwnerAsker,
  loadConfig,
  natsConnectionOf,
  openSubgraphDatabase,
  outboxKeepSentMsOf,
  streamOptionsOf,
  targetFor,
} from '../runtime';
import {
  agreements,
  employeeNumberLearner,
  importAgreements,
  recordsOf,
} from '../subgraphs/agreements/src';

/**
 * `npm run import:agreements -- FILE [--dry-run] [--format CSV|JSONL]`: a TAMS
 * export streamed straight into the agreements database, with the same checks
 * and report as the `importAgreements` mutation. Events wait in the outbox.
 * With NATS_URL set, employees is asked about numbers the copy lacks, as the
 * mutation asks, and the events are published before it exits.
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

/** NATS, when NATS_URL is set: to ask employees about numbers and to publish the events. */
async function openMessaging(config: AppConfig, namespace: Namespace) {
  if (!config.NATS_URL) return undefined;
  const nats = await connectNats({ ...natsConnectionOf(config), name: 'import-agreements' });
  await ensureStreams(nats.jsm, namespace, streamOptionsOf(config));
  return { nats, askOwner: createOwnerAsker(nats.nc, namespace) };
}

async function main(): Promise<void> {
  // The live set stays small while garbage comes fast; V8 would let the heap grow to four
  // times the live set between full collections, most of an import's peak memory.
  v8.setFlagsFromString('--heap-growing-percent=50');
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (!fs.existsSync(args.file)) throw new ConfigError(`No file ${args.file}.`);
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'import-agreements' });
  // The platform's own namespace: events recorded under another would reach no consumer.
  const namespace = createNamespace(config.NATS_NAMESPACE);
  const orm = await openSubgraphDatabase(agreements, targetFor('agreements', config));
  const messaging = await openMessaging(config, namespace).catch(async (error: unknown) => {
    await orm.close();
    throw error;
  });
  const em = orm.em.fork() as EntityManager;
  const correlationId = uuidv7();
  const started = Date.now();
  try {
    const report = await importAgreements(
      recordsOf(args.format, fs.createReadStream(args.file, { encoding: 'utf8' })),
      {
        em,
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
            namespace,
          ),
        learnEmployees: messaging && employeeNumberLearner({ em, askOwner: messaging.askOwner }),
        onProgress: (rows) => {
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write(
            `${rows} rows read, ${Math.round(rows / Math.max(seconds, 0.001))} rows/s\n`,
          );
        },
      },
    );
    if (messaging && !args.dryRun) {
      const relay = createOutboxRelay({
        orm,
        js: messaging.nats.js,
        namespace,
        logger,
        keepSentMs: outboxKeepSentMsOf(config),
      });
      await relay.drain();
    }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    if (messaging) await closeNats(messaging.nats.nc);
    await orm.close();
  }
}

main().catch((error: unknown) => {
  const message = (error as { message?: string }).message;
  const known = error instanceof ConfigError || (error as { code?: string }).code !== undefined;
  console.error(known && message ? message : error);
  process.exit(1);
});
