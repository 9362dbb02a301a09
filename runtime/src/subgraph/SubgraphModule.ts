import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type {
  CataloguedDraft,
  CataloguedHandler,
  CataloguedJob,
  DeadLetterHandlerDefinition,
} from '../../../messaging';
import type { IssueOptions } from '../auth/createLocalIssuer';
import type { Cipher } from '../cipher';
import type { Identity } from '../identity';
import type { Logger } from '../logger';
import type { MigrationSet } from '../migrations/MigrationSet';
import type { AskOwner, ResponderDefinition } from '../ownerRequests';
import type { SubgraphMessaging } from './createSubgraphRuntime';

/** What every resolver of a subgraph receives, built once per request. */
export interface SubgraphContext<L = unknown> {
  /** The verified caller; subgraphs check the token themselves (docs/architecture.md#security). */
  identity: Identity;
  /** Forked for this request, so no state leaks between requests. */
  em: EntityManager;
  /** This request's DataLoaders, so N references cost one query. */
  loaders: L;
  requestId: string;
  /** The chain this request starts or continues; every event it causes carries it. */
  correlationId: string;
  /** W3C trace context of the request's span; the events it records carry it. */
  traceparent?: string;
  cipher: Cipher;
  logger: Logger;
  /**
   * Records an event in the outbox inside `tx`'s transaction, so it is
   * published if and only if the change commits.
   */
  emit(tx: EntityManager, draft: CataloguedDraft): void;
  /** Asks another domain for data its copy lacks yet (runtime/src/ownerRequests). */
  askOwner: AskOwner;
  /** The runtime's NATS, for the few resolvers that reach it (dead letters); absent without. */
  messaging?: SubgraphMessaging;
}

/** A plain HTTP route a subgraph serves beside GraphQL (authenticated like GraphQL). */
export type SubgraphRoute<L = unknown> = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: SubgraphContext<L>,
) => Promise<void>;

/**
 * What a public route receives: no caller (nobody is signed in yet), the rest as a request
 * context has it.
 */
export interface PublicRouteContext {
  /** Forked for this request. */
  em: EntityManager;
  requestId: string;
  correlationId: string;
  traceparent?: string;
  cipher: Cipher;
  logger: Logger;
  /** Records an event in `tx`'s transaction; `actor` names who acted, once the route knows. */
  emit(tx: EntityManager, draft: CataloguedDraft, actor?: string): void;
  /**
   * Signs an access token with the platform's issuer. Only a module that says
   * `issuesTokens` gets a working one; otherwise it throws.
   */
  issueToken(options: IssueOptions): Promise<string>;
}

/**
 * A plain HTTP route anyone may call, without a bearer token (signing in). It checks and
 * bounds everything it reads itself.
 */
export type PublicRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PublicRouteContext,
) => Promise<void>;

/** What a module's `onStart` may use, once its database is open. */
export interface StartContext {
  em: EntityManager;
  cipher: Cipher;
  logger: Logger;
  /** Records an event in `tx`'s transaction. */
  emit(tx: EntityManager, draft: CataloguedDraft): void;
}

/** A domain, described once; the runtime serves it in-process or as its own server. */
export interface SubgraphModule<L = unknown> {
  /** Lower case, also the name in the supergraph and the database schema. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<L>>;
  // Each EntitySchema has its own generics; the ORM takes any of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: EntitySchema<any, any>[];
  /**
   * The committed migrations that make the module's tables (`src/migrations/`); without
   * them the tables follow the entities (modules made only for a test).
   */
  migrations?: MigrationSet;
  /** Builds this request's DataLoaders. */
  loaders?: (ctx: Omit<SubgraphContext<L>, 'loaders'>) => L;
  /** Reactions to other domains' events, each a durable consumer. */
  eventHandlers?: CataloguedHandler[];
  /** Questions this domain answers for the others at once (NATS request/reply). */
  responders?: ResponderDefinition[];
  /** Reactions to new dead letters (HR_DLQ), each a durable consumer on that stream. */
  deadLetterHandlers?: DeadLetterHandlerDefinition[];
  /** Work at a time (overnight processing, daily close), run by the scheduler. */
  jobs?: CataloguedJob[];
  /** HTTP routes beside GraphQL, e.g. a streamed export; the gateway exposes them. */
  routes?: Record<string, SubgraphRoute<L>>;
  /**
   * HTTP routes that need no bearer token (sign-in), exposed by the gateway on its port.
   * A key is an exact path, or a prefix ending in `/*` (`/auth/*`).
   */
  publicRoutes?: Record<string, PublicRoute>;
  /**
   * The columns that hold values sealed with the data key, by entity name: `npm run
   * reencrypt` rewrites them when the key changes (docs/keys.md). A sealed column not
   * listed here would stay unreadable once its old key is dropped.
   */
  sealedColumns?: Record<string, readonly string[]>;
  /** Whether the module signs access tokens (the runtime then needs the issuer's key). */
  issuesTokens?: boolean;
  /** Runs once as the runtime starts, after the database is open and before the workers. */
  onStart?: (ctx: StartContext) => Promise<void>;
  /**
   * Reads and checks the module's own settings (the environment variables it documents).
   * Called once as the runtime starts, so a bad value stops the start with its name
   * rather than failing the first request that needs it.
   */
  checkSettings?: (logger: Logger) => void;
}

/** Identity function that gives a module its types. */
export const defineSubgraph = <L>(module: SubgraphModule<L>): SubgraphModule<L> => module;
