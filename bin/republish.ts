/**
 * Publishes again the events a subgraph published in a time range, from its outbox, with
 * their original message ids (docs/nats.md#republishing):
 *
 *   npm run --silent republish -- --subgraph employees --from 2025-03-01T00:00:00Z [--to <ISO>]
 *
 * For when the events stream lost events (a restore, a purge, a stream that aged out before
 * a new consumer read it). JetStream drops those it still holds within its duplicate window,
 * and each consumer's inbox drops those it applied before, so running it over too wide a
 * range, or twice, changes nothing. It works on the configuration's database and NATS
 * (NATS_URL, default nats://127.0.0.1:4222, with the NATS_* credentials), in NATS_NAMESPACE
 * or --namespace. Rows older than OUTBOX_RETENTION_DAYS are gone. Exit codes: 0 done,
 * 1 a publish failed (run it again), 2 bad arguments or configuration.
 */
import { parseArgs } from 'node:util';
import {
  closeNats,
  connectNats,
  createNamespace,
  ensureStreams,
  republishOutbox,
} from '../messaging';
import {
  ConfigError,
  loadConfig,
  natsConnectionOf,
  openSubgraphDatabase,
  streamOptionsOf,
  targetFor,
} from '../runtime';
import { subgraphs } from '../subgraphs';
import { subgraphNamed, textFlags } from './lib/commandLine';

const USAGE =
  'Usage: npm run --silent republish -- --subgraph NAME --from ISO-TIME [--to ISO-TIME] [--namespace ID]';

function instant(name: string, value: string | undefined, fallback?: Date): Date {
  if (value === undefined && fallback) return fallback;
  const date = new Date(value ?? '');
  if (!value || Number.isNaN(date.getTime()))
    throw new ConfigError(`--${name} must be a date and time such as 2025-03-01T00:00:00Z`);
  return date;
}

function readArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: textFlags('subgraph', 'from', 'to', 'namespace'),
  });
  const module = subgraphNamed(values.subgraph, subgraphs);
  const from = instant('from', values.from);
  const to = instant('to', values.to, new Date());
  if (to <= from) throw new ConfigError('--to must be later than --from');
  return { module, from, to, namespace: values.namespace };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const config = loadConfig();
  const namespace = createNamespace(args.namespace ?? config.NATS_NAMESPACE);
  const connection = natsConnectionOf(config);
  const servers = connection.servers.length ? connection.servers : ['nats://127.0.0.1:4222'];
  const orm = await openSubgraphDatabase(args.module, targetFor(args.module.name, config));
  try {
    const nats = await connectNats({
      ...connection,
      servers,
      name: 'republish',
      waitOnFirstConnect: false,
    });
    try {
      await ensureStreams(nats.jsm, namespace, streamOptionsOf(config));
      const result = await republishOutbox({
        orm,
        js: nats.js,
        namespace,
        from: args.from,
        to: args.to,
        onProgress: ({ published }) => process.stderr.write(`${published} events republished\n`),
      });
      const range = `${args.from.toISOString()} to ${args.to.toISOString()}`;
      console.log(
        `${args.module.name}: ${result.published} events first published ${range} sent again; ` +
          `${result.duplicates} were still in the stream's duplicate window and dropped there. ` +
          'Consumers skip those they had applied (their inbox).',
      );
    } finally {
      await closeNats(nats.nc);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  const usage =
    error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(error instanceof Error ? error.message : error);
  if (usage) console.error(USAGE);
  process.exit(usage ? 2 : 1);
});
