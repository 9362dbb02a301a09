import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Namespace, Scheduler } from '../../../messaging';
import type { GatewayAssertionVerifier } from '../auth';
import type { IssueOptions } from '../auth/createLocalIssuer';
import type { Cipher } from '../cipher';
import type { DatabaseTarget } from '../database';
import type { RouteHandler } from '../http/createHttpServer';
import type { MetricsEndpointOptions } from '../http/metricsEndpoint';
import type { Identity } from '../identity';
import type { Logger } from '../logger';
import type { OwnerAskOptions } from '../ownerRequests';
import { createRequestContexts } from './createRequestContexts';
import { createSubgraphExecutor } from './createSubgraphExecutor';
import { createSubgraphHttpServer } from './createSubgraphHttpServer';
import { createSubgraphRoutes } from './createSubgraphRoutes';
import type { RequestHeaders } from './requestHeaders';
import { startSubgraph } from './startSubgraph';
import { stopSubgraph } from './stopSubgraph';
import { createSubgraphSetup } from './SubgraphSetup';
import { notStarted, requireOrm } from './SubgraphState';
import type { SubgraphModule } from './SubgraphModule';

/** Verifies a request's `Authorization` header (see runtime/src/auth). */
export interface TokenVerifier {
  verify(authorization?: string): Promise<Identity>;
}

export interface SubgraphMessaging {
  /** The connection; when given, workers retry at once after it comes back. */
  nc?: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  namespace: Namespace;
}

export interface SubgraphRuntimeOptions {
  target: DatabaseTarget;
  verifier: TokenVerifier;
  cipher: Cipher;
  /** NATS; without it events wait in the outbox until a runtime with NATS relays them. */
  messaging?: SubgraphMessaging;
  logger?: Logger;
  /**
   * Start the background workers (default true): the outbox relay and event consumers
   * when messaging is given, and the scheduler when the module has jobs (it needs only
   * the database; without messaging the events its jobs emit wait in the outbox).
   */
  runWorkers?: boolean;
  /**
   * Field suggestions ("Did you mean …?") and other schema details in error
   * messages (default off; on only in development).
   */
  schemaDetailsInErrors?: boolean;
  /** Where its own HTTP server serves `/metrics` (default: not on it). */
  metricsEndpoint?: MetricsEndpointOptions;
  /** How this subgraph asks other domains for data its copies lack yet. */
  ownerAsk?: OwnerAskOptions;
  /** Fault injection for the fault suite only: see OUTBOX_RELAY_KILL_AFTER_PUBLISHES. */
  relayKillAfterPublishes?: number;
  /** How long published outbox rows stay, to republish from (OUTBOX_RETENTION_DAYS; the relay's default otherwise). */
  relayKeepSentMs?: number;
  /** How long after an event was made its inbox rows stay (INBOX_RETENTION_DAYS); none: for ever. */
  inboxKeepMs?: number;
  /** Signs access tokens, for a module that `issuesTokens` (all-in-one: the local issuer). */
  issuer?: { issue(options: IssueOptions): Promise<string> };
}

export interface SubgraphHttpOptions {
  /**
   * Checks the gateway assertion every GraphQL request and module route must
   * carry: over HTTP the subgraph answers the gateway only (health checks and
   * `/metrics` stay open).
   */
  gatewayAssertions: GatewayAssertionVerifier;
}

/** A GraphQL request as the gateway sends it to a subgraph. */
export interface SubgraphRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface SubgraphResult {
  data?: Record<string, unknown> | null;
  errors?: readonly unknown[];
}

/** One subgraph, running: its database, its Apollo server, its relay and consumers. */
export interface SubgraphRuntime {
  readonly name: string;
  readonly orm: MikroORM;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Executes in-process, with the headers an HTTP call would carry. */
  execute(request: SubgraphRequest, headers: RequestHeaders): Promise<SubgraphResult>;
  /** Its own HTTP server (distributed mode), answering the gateway only. */
  createHttpServer(options: SubgraphHttpOptions): http.Server;
  /** The module's extra routes, authenticated, for the gateway to expose. */
  routes(): Record<string, RouteHandler>;
  /** The module's public routes (no bearer token), for the gateway to expose. */
  publicRoutes(): Record<string, RouteHandler>;
  ready(): Promise<boolean>;
  /** Publishes everything in the outbox now (tests and shutdown). */
  drainOutbox(): Promise<number>;
  /** Runs the module's jobs; undefined when it has none, workers are off, or it is stopped. */
  readonly scheduler?: Scheduler;
  /** Runs the job occurrences due now (tests, on-demand runs); how many completed (0 without a scheduler). */
  runDueJobs(): Promise<number>;
}

/**
 * Serves a module: in-process for the all-in-one platform, or as its own HTTP server. Its
 * parts are built by the modules beside this one; `start` opens them and `stop` closes them.
 */
export function createSubgraphRuntime<L>(
  module: SubgraphModule<L>,
  options: SubgraphRuntimeOptions,
): SubgraphRuntime {
  const setup = createSubgraphSetup(module, options);
  const state = notStarted<L>();
  const orm = () => requireOrm(state, module.name);
  const contexts = createRequestContexts({ ...setup, orm });
  const routes = createSubgraphRoutes({ module, contexts, logger: setup.logger });
  return {
    name: module.name,
    get orm() {
      return orm();
    },
    start: () => startSubgraph(state, setup, contexts),
    stop: () => stopSubgraph(state),
    execute: createSubgraphExecutor({ ...setup, contexts, server: () => state.apollo }),
    createHttpServer({ gatewayAssertions }) {
      return createSubgraphHttpServer({
        ...setup,
        apollo: state.apollo,
        gatewayAssertions,
        contexts,
        routes,
        ready: () => this.ready(),
      });
    },
    routes: () => routes.routes(),
    publicRoutes: () => routes.publicRoutes(),
    async ready() {
      if (!state.orm) return false;
      await state.orm.em.getConnection().execute('select 1');
      return true;
    },
    drainOutbox: async () => (state.workers.relay ? state.workers.relay.drain() : 0),
    get scheduler() {
      return state.workers.scheduler;
    },
    runDueJobs: async () => (state.workers.scheduler ? state.workers.scheduler.runDue() : 0),
  };
}
