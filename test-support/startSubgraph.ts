import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import {
  type CataloguedDraft,
  type CataloguedEvent,
  createEvent,
  DEFAULT_NAMESPACE,
  type EventEnvelope,
  type EventType,
  loadCatalogue,
  OutboxEntry,
  recordEvent,
} from '../messaging';
import {
  type Cipher,
  createCipher,
  createLocalIssuer,
  createLogger,
  createSubgraphRuntime,
  createTokenVerifier,
  type LocalIssuer,
  type Logger,
  type Role,
  type SubgraphMessaging,
  type SubgraphModule,
  type SubgraphRuntime,
} from '../runtime';
import { contractOperation } from './contractOperation';
import { createTestDatabase, type TestDatabase } from './database';
import { sentQueries, sentSql } from './sqlShape';

const ISSUER = 'hr-platform-test';

/** Who calls: a role, and the employee id (or service principal) of the caller. */
export interface Caller {
  role: Role;
  sub?: string;
  scopes?: string[];
}

// Tests read replies field by field; a loose type keeps them short.
type Loose = any;

export interface GraphQLReply {
  data?: Record<string, Loose> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, Loose> }[];
}

/** Options of {@link startSubgraph}. */
export interface StartSubgraphOptions {
  /** NATS for the relay and consumers; without it events stay in the outbox. */
  messaging?: SubgraphMessaging;
  /** A database to share with other harnesses; by default a fresh one, dropped on stop. */
  db?: TestDatabase;
  /** Start the relay, consumers and scheduler (default true); off for tests that drive them. */
  runWorkers?: boolean;
  /** Who calls when a call names nobody (default HR). */
  defaultCaller?: Caller;
  /** Where the subgraph logs (default: nowhere). */
  logger?: Logger;
  /** The data key ring (default: a random key of its own). */
  cipher?: Cipher;
  /** How long inbox rows stay after their event was made (default: for ever). */
  inboxKeepMs?: number;
}

/** One subgraph served in-process on a test database, as the gateway would call it. */
export interface SubgraphHarness {
  db: TestDatabase;
  /** Signs tokens the harness's verifier accepts. */
  issuer: LocalIssuer;
  runtime: SubgraphRuntime;
  /** Executes a GraphQL operation with a token for `caller` (default HR). */
  gql(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Runs a named operation of schema/contract/. */
  op(name: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLReply>;
  /** Resolves entity references (`_entities`), as the gateway's query planner asks for them. */
  entities(
    representations: Record<string, unknown>[],
    selection: string,
    variables?: Record<string, unknown>,
    variableDefinitions?: string,
    caller?: Caller,
  ): Promise<GraphQLReply>;
  /** Runs `apply` in a transaction on a fresh entity manager, as a consumer does. */
  transaction<T>(apply: (em: EntityManager) => Promise<T>): Promise<T>;
  /** The events recorded in the outbox, oldest first. */
  events(type?: string): Promise<EventEnvelope[]>;
  /** The events about `subject` (of `type`, if given), oldest first. */
  eventsAbout(subject: string, type?: string): Promise<EventEnvelope[]>;
  /** The SQL statements `run` sends to this subgraph's database. */
  countQueries(run: () => Promise<unknown>): Promise<string[]>;
  stop(): Promise<void>;
}

export const hrCaller: Caller = { role: 'HR', sub: uuidv7() };

/** An employee calling about themselves. */
export const asEmployee = (id: string): Caller => ({ role: 'EMPLOYEE', sub: id });

/** A manager calling, as the employee `id`. */
export const asManager = (id: string): Caller => ({ role: 'MANAGER', sub: id });

/**
 * An event as another subgraph would publish it, for feeding handlers directly. The
 * consumer would have checked it against the catalogue; here the test vouches for `data`.
 */
export function foreignEvent<T extends EventType>(
  type: T,
  data: Record<string, unknown>,
  subject?: string,
): CataloguedEvent<T>;
export function foreignEvent(
  type: string,
  data: Record<string, unknown>,
  subject?: string,
): CataloguedEvent;
export function foreignEvent(
  type: string,
  data: Record<string, unknown>,
  subject = String(data.employeeId ?? uuidv7()),
): CataloguedEvent {
  const source = `/subgraphs/${type.split('.')[0]}`;
  return asHandled(createEvent({ type, subject, data }, { source, correlationId: uuidv7() }));
}

/** An event as a handler takes it: the test vouches for it, as the consumer's check would. */
export const asHandled = (event: EventEnvelope): CataloguedEvent => event as CataloguedEvent;

/** Whether `handler` consumes events of `type`. */
export const consumes = (handler: { types: readonly string[] }, type: string): boolean =>
  handler.types.includes(type);

/**
 * The `emit` a consumer of `subgraph` hands the handler of `event`: each follow-up event is
 * recorded in the outbox with `tx`, from the subgraph and caused by `event`.
 */
export const followUpEmit =
  (tx: EntityManager, subgraph: string, event: EventEnvelope) => (draft: CataloguedDraft) =>
    recordEvent(
      tx,
      createEvent(draft, {
        source: `/subgraphs/${subgraph}`,
        correlationId: event.correlationid,
        causationId: event.id,
      }),
      DEFAULT_NAMESPACE,
    );

// Loaded on first use: most suites hand no events to handlers.
let catalogue: ReturnType<typeof loadCatalogue> | undefined;

/**
 * Hands `event` to each of `module`'s handlers of its type, each in a transaction of its own,
 * after checking it against the catalogue: what the consumers do with an event from NATS.
 */
export async function handleEvent<L>(
  h: SubgraphHarness,
  module: SubgraphModule<L>,
  event: EventEnvelope,
): Promise<void> {
  (catalogue ??= loadCatalogue()).validate(event);
  for (const handler of module.eventHandlers ?? []) {
    if (!consumes(handler, event.type)) continue;
    await h.transaction((tx) =>
      handler.handle(asHandled(event), { em: tx, emit: followUpEmit(tx, module.name, event) }),
    );
  }
}

/** Starts `module` on a test database with a local token issuer. */
export async function startSubgraph<L>(
  module: SubgraphModule<L>,
  options: StartSubgraphOptions = {},
): Promise<SubgraphHarness> {
  const db = options.db ?? (await createTestDatabase());
  const issuer = createLocalIssuer({ dataDir: db.dataDir, issuer: ISSUER, audience: ISSUER });
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: ISSUER,
    algorithms: ['ES256'],
    jwks: issuer.jwks(),
  });
  const runtime = createSubgraphRuntime(module, {
    target: db.target(module.name),
    verifier,
    cipher: options.cipher ?? createCipher(crypto.randomBytes(32)),
    logger: options.logger ?? createLogger({ level: 'silent' }),
    messaging: options.messaging,
    runWorkers: options.runWorkers,
    inboxKeepMs: options.inboxKeepMs,
    issuer,
  });
  await runtime.start();

  const gql: SubgraphHarness['gql'] = async (
    query,
    variables,
    caller = options.defaultCaller ?? hrCaller,
  ) => {
    const authorization = `Bearer ${await issuer.issue(caller)}`;
    return (await runtime.execute({ query, variables }, { authorization })) as GraphQLReply;
  };

  const harness: SubgraphHarness = {
    db,
    issuer,
    runtime,
    gql,
    op: (name, variables, caller) => gql(contractOperation(name), variables, caller),
    entities(representations, selection, variables = {}, variableDefinitions = '', caller) {
      const defs = `$representations: [_Any!]!${variableDefinitions ? `, ${variableDefinitions}` : ''}`;
      const query = `query (${defs}) { _entities(representations: $representations) { ${selection} } }`;
      return gql(query, { representations, ...variables }, caller);
    },
    transaction: (apply) => runtime.orm.em.fork().transactional(apply),
    async events(type) {
      const rows = await runtime.orm.em
        .fork()
        .find(OutboxEntry, type ? { type } : {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return rows.map((row) => JSON.parse(row.payload) as EventEnvelope);
    },
    async eventsAbout(subject, type) {
      return (await harness.events(type)).filter((e) => e.subject === subject);
    },
    async countQueries(run) {
      return (await sentQueries(runtime.orm.em, run)).map(sentSql);
    },
    async stop() {
      await runtime.stop();
      if (!options.db) await db.drop();
    },
  };
  return harness;
}

/** The data of a reply that must have succeeded, without errors. */
export function dataOf(reply: GraphQLReply) {
  expect(reply.errors).toBeUndefined();
  return reply.data!;
}

/** The single error of a reply, for rule tests. */
export function onlyError(reply: GraphQLReply) {
  expect(reply.errors).toHaveLength(1);
  return reply.errors![0]!;
}
