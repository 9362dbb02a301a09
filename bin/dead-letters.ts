/**
 * Lists, shows, replays and discards dead letters (events a consumer gave up on) in HR_DLQ:
 *
 *   npm run --silent dead-letters -- list [--consumer NAME] [--type TYPE] [--first N] [--after CURSOR] [--json]
 *   npm run --silent dead-letters -- show <id>
 *   npm run --silent dead-letters -- replay <id>
 *   npm run --silent dead-letters -- discard <id> --reason "why"
 *
 * Talks to NATS_URL (default nats://127.0.0.1:4222), with the NATS_* credentials and TLS
 * settings of the platform (docs/nats.md), in the namespace of --namespace or
 * NATS_NAMESPACE. Replays and discards are published as audit events, like the GraphQL
 * mutations'. Exit codes: 0 done, 1 unexpected failure, 2 bad arguments, 3 no such dead
 * letter, 4 no consumer answered (try again), 5 the consumer failed again.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
// Only what the command uses, not the package index (the ORM and all): it starts faster.
import {
  closeNats,
  connectNats,
  createEvent,
  createNamespace,
  type DeadLetter,
  DeadLetterError,
  type DeadLetterProblem,
  discardDeadLetter,
  getDeadLetter,
  listDeadLetters,
  loadCatalogue,
  type Namespace,
  type NatsClients,
  replayDeadLetter,
  subjectFor,
} from '../messaging';
import { loadNatsConfig, natsConnectionOf } from '../runtime';
import { textFlags } from './lib/commandLine';

const USAGE = `Usage: npm run --silent dead-letters -- <command> [--namespace ID]
  list [--consumer NAME] [--type TYPE] [--first N] [--after CURSOR] [--json]
  show <id>
  replay <id>
  discard <id> --reason "why"`;

const EXIT: Record<DeadLetterProblem | 'USAGE' | 'FAILED', number> = {
  FAILED: 1,
  USAGE: 2,
  INPUT_INVALID: 2,
  NOT_FOUND: 3,
  UNAVAILABLE: 4,
  REPLAY_FAILED: 5,
};

class UsageError extends Error {}

interface Command {
  name: 'list' | 'show' | 'replay' | 'discard';
  id?: string;
  values: {
    namespace?: string;
    consumer?: string;
    type?: string;
    first?: string;
    after?: string;
    reason?: string;
    json?: boolean;
  };
}

const ARITY = { list: 0, show: 1, replay: 1, discard: 1 } as const;

function readCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...textFlags('namespace', 'consumer', 'type', 'first', 'after', 'reason'),
      json: { type: 'boolean' },
    },
  });
  const [name, ...rest] = positionals;
  if (!name || !(name in ARITY))
    throw new UsageError(`Unknown or missing command "${name ?? ''}".`);
  const command = name as Command['name'];
  if (rest.length !== ARITY[command]) {
    throw new UsageError(
      ARITY[command] ? `${command} needs one dead letter id.` : `${command} takes no id.`,
    );
  }
  if (command === 'discard' && !values.reason?.trim()) {
    throw new UsageError('discard needs --reason "why", kept in the audit log.');
  }
  if (values.first !== undefined && !/^\d{1,3}$/.test(values.first)) {
    throw new UsageError('--first must be a number from 0 to 100.');
  }
  return { name: command, id: rest[0], values };
}

const describe = (letter: DeadLetter) =>
  [
    letter.id,
    letter.consumer,
    letter.type,
    letter.reason,
    `attempts=${letter.attempts}`,
    `first=${letter.firstFailedAt.toISOString()}`,
    `last=${letter.lastFailedAt.toISOString()}`,
    letter.error,
  ].join('\t');

/** Publishes what was done as an audit event, as the audit subgraph's mutations do. */
async function audit(
  nats: NatsClients,
  ns: Namespace,
  type: string,
  letter: DeadLetter,
  extra: object,
) {
  const actor = `cli:${os.userInfo().username.replace(/[^\x21-\x7e]/g, '') || 'unknown'}`;
  const event = createEvent(
    {
      type,
      subject: letter.id,
      data: {
        deadLetterId: letter.id,
        consumer: letter.consumer,
        eventType: letter.type,
        eventId: letter.eventId,
        ...extra,
      },
    },
    { source: '/subgraphs/audit', correlationId: uuidv7(), actor },
  );
  loadCatalogue().validate(event);
  await nats.js.publish(subjectFor(type, ns), JSON.stringify(event), { msgID: event.id });
}

async function run(command: Command, nats: NatsClients, ns: Namespace): Promise<void> {
  const clients = { ...nats, namespace: ns };
  const { values, id = '' } = command;
  switch (command.name) {
    case 'list': {
      const page = await listDeadLetters(clients, {
        first: values.first === undefined ? undefined : Number(values.first),
        after: values.after,
        consumer: values.consumer,
        type: values.type,
      });
      if (values.json) return void console.log(JSON.stringify(page, null, 2));
      page.nodes.forEach((letter) => console.log(describe(letter)));
      const more = page.hasNextPage ? `; next page: --after ${page.endCursor}` : '';
      return void console.error(`${page.nodes.length} of ${page.totalCount} dead letters${more}`);
    }
    case 'show': {
      const letter = await getDeadLetter(clients, id);
      if (!letter) throw new DeadLetterError('NOT_FOUND', `No dead letter ${id}.`, 'id');
      return void console.log(JSON.stringify(letter, null, 2));
    }
    case 'replay': {
      const { letter, alreadyApplied } = await replayDeadLetter(clients, id);
      await audit(nats, ns, 'audit.dead_letter.replayed', letter, { alreadyApplied });
      const effect = alreadyApplied ? 'had already been applied' : 'was applied';
      return void console.log(
        `Dead letter ${id} replayed to ${letter.consumer}: the event ${effect}.`,
      );
    }
    case 'discard': {
      const reason = values.reason!.trim();
      const letter = await discardDeadLetter(clients, id);
      await audit(nats, ns, 'audit.dead_letter.discarded', letter, { reason });
      return void console.log(`Dead letter ${id} discarded.`);
    }
  }
}

async function main(): Promise<number> {
  let command: Command;
  let ns: Namespace;
  let connection: ReturnType<typeof natsConnectionOf>;
  try {
    command = readCommand(process.argv.slice(2));
    ns = createNamespace(command.values.namespace ?? process.env.NATS_NAMESPACE);
    connection = natsConnectionOf(loadNatsConfig());
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.USAGE;
  }
  const servers = connection.servers.length ? connection.servers : ['nats://127.0.0.1:4222'];
  let nats: NatsClients;
  try {
    nats = await connectNats({
      ...connection,
      servers,
      name: 'dead-letters',
      waitOnFirstConnect: false,
    });
  } catch (error) {
    console.error(`Cannot reach NATS at ${servers}: ${(error as Error).message}`);
    return EXIT.UNAVAILABLE;
  }
  try {
    await run(command, nats, ns);
    return 0;
  } catch (error) {
    if (error instanceof DeadLetterError) {
      console.error(error.message);
      return EXIT[error.problem];
    }
    console.error(error);
    return EXIT.FAILED;
  } finally {
    await closeNats(nats.nc);
  }
}

void main().then((code) => process.exit(code));
