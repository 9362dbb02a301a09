import { performance } from 'node:perf_hooks';
import type http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { register } from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection, EntityManager } from '@mikro-orm/knex';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  DEFAULT_NAMESPACE,
  InboxEntry,
  OutboxEntry,
  ScheduledJob,
  createEvent,
  createEventConsumer,
  createOutboxRelay,
  countDeadLetters,
  createDeadLetterWatcher,
  createScheduler,
  eventsStream,
  onReconnect,
  recordEvent,
  type DeadLetterWatcher,
  type Namespace,
  type Scheduler,
} from '../../../messaging/src';
import type { EventDraft } from '../../../messaging/src/types';
import { GATEWAY_ASSERTION_HEADER, type GatewayAssertionVerifier } from '../auth';
import type { Cipher } from '../cipher';
import { openDatabase, type DatabaseTarget } from '../database';
import { DomainError, ErrorCode, formatError, httpStatusOf, toGraphQLError } from '../errors';
import {
  HttpError,
  createHttpServer,
  sendError,
  toHeaderMap,
  type RouteHandler,
} from '../http/createHttpServer';
import { authFailure } from '../http/authFailure';
import { validId, validTraceparent } from '../http/requestIds';
import { publicMetricsRoutes, type MetricsEndpointOptions } from '../http/metricsEndpoint';
import { IdempotencyRecordSchema } from '../idempotency';
import type { Identity } from '../identity';
import { DEFAULT_LIMITS } from '../operationLimits';
import { createSubgraphLimitsPlugin } from './createSubgraphLimitsPlugin';
import { createInputBoundsPlugin } from '../inputBounds/createInputBoundsPlugin';
import { createLogger, type Logger } from '../logger';
import { createOwnerAsker, serveResponders, type OwnerAskOptions } from '../ownerRequests';
import { noteAccess } from '../logging/createHttpAccessLog';
import { logRefusedCall } from '../logging/writeAccessLine';
import { createAccessLogPlugin } from '../logging/createAccessLogPlugin';
import { createTracingPlugin, currentTraceparent, inRequestSpan } from '../traceContext';
import { dbQueries, watchConsumerLag, watchDeadLetters, watchOutboxBacklog } from '../metrics';
import type { IssueOptions } from '../auth/createLocalIssuer';
import type {
  PublicRoute,
  PublicRouteContext,
  SubgraphContext,
  SubgraphModule,
} from './SubgraphModule';

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

type Headers = Record<string, string | undefined>;

/** One subgraph, running: its database, its Apollo server, its relay and consumers. */
export interface SubgraphRuntime {
  readonly name: string;
  readonly orm: MikroORM;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Executes in-process, with the headers an HTTP call would carry. */
  execute(request: SubgraphRequest, headers: Headers): Promise<SubgraphResult>;
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

interface Workers {
  relay?: ReturnType<typeof createOutboxRelay>;
  consumers: ReturnType<typeof createEventConsumer>[];
  watchers: DeadLetterWatcher[];
  scheduler?: Scheduler;
  /** Removes this runtime's metric probes. */
  unwatch: (() => void)[];
  /** Stops answering the module's questions. */
  stopResponders?: () => void;
}

export function createSubgraphRuntime<L>(
  module: SubgraphModule<L>,
  options: SubgraphRuntimeOptions,
): SubgraphRuntime {
  const logger = options.logger ?? createLogger({ name: module.name });
  const namespace = options.messaging?.namespace ?? DEFAULT_NAMESPACE;
  const source = `/subgraphs/${module.name}`;
  const spanAttributes = { 'hr.subgraph': module.name };
  const accessLog = { logger, service: module.name };
  let orm: MikroORM | undefined;
  let apollo: ApolloServer<SubgraphContext<L>> | undefined;
  const workers: Workers = { consumers: [], watchers: [], unwatch: [] };
  // One per runtime, so its breaker and in-flight questions outlive a request.
  const askOwner = createOwnerAsker(options.messaging?.nc, namespace, options.ownerAsk);

  const requireOrm = (): MikroORM => {
    if (!orm) throw new Error(`Subgraph ${module.name} is not started.`);
    return orm;
  };

  async function createContext(headers: Headers): Promise<SubgraphContext<L>> {
    const identity = await options.verifier.verify(headers.authorization);
    const requestId = validId(headers['x-request-id']);
    const correlationId = validId(headers['x-correlation-id']);
    // Made inside the request's span: what the request records continues its trace.
    const traceparent = currentTraceparent() ?? validTraceparent(headers.traceparent);
    const base: Omit<SubgraphContext<L>, 'loaders'> = {
      identity,
      em: requireOrm().em.fork() as EntityManager,
      requestId,
      correlationId,
      traceparent,
      cipher: options.cipher,
      messaging: options.messaging,
      logger: logger.child({ requestId, correlationId }),
      emit: (tx: EntityManager, draft: EventDraft) => {
        const meta = {
          source,
          correlationId,
          actor: identity.subject,
          requestId,
          traceparent,
        };
        recordEvent(tx, createEvent(draft, meta), namespace);
      },
      askOwner,
    };
    return { ...base, loaders: (module.loaders?.(base) ?? {}) as L };
  }

  const eventMeta = (ids: { requestId?: string; correlationId: string; traceparent?: string }) => ({
    source,
    ...ids,
  });

  function createPublicContext(headers: Headers): PublicRouteContext {
    const requestId = validId(headers['x-request-id']);
    const correlationId = validId(headers['x-correlation-id']);
    const traceparent = currentTraceparent() ?? validTraceparent(headers.traceparent);
    const issuer = options.issuer;
    return {
      em: requireOrm().em.fork() as EntityManager,
      requestId,
      correlationId,
      traceparent,
      cipher: options.cipher,
      logger: logger.child({ requestId, correlationId }),
      emit: (tx, draft, actor) =>
        recordEvent(
          tx,
          createEvent(draft, { ...eventMeta({ requestId, correlationId, traceparent }), actor }),
          namespace,
        ),
      issueToken: (claims) => {
        if (!module.issuesTokens || !issuer)
          throw new Error(`Subgraph ${module.name} has no token issuer.`);
        return issuer.issue(claims);
      },
    };
  }

  async function runPublicRoute(route: PublicRoute, req: IncomingMessage, res: ServerResponse) {
    let context: PublicRouteContext | undefined;
    try {
      context = createPublicContext(headersOf(toHeaderMap(req)));
      noteAccess(req, { requestId: context.requestId, correlationId: context.correlationId });
      await route(req, res, context);
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status === 500) {
        const ids = { requestId: context?.requestId, correlationId: context?.correlationId };
        logger.error({ err: error, service: module.name, ...ids }, 'unexpected error');
      }
      if (res.headersSent) return void res.destroy();
      sendError(res, httpError);
    }
  }

  function startResponders(current: MikroORM): void {
    const nc = options.messaging?.nc;
    if (!nc || !module.responders?.length) return;
    workers.stopResponders = serveResponders({
      nc,
      namespace,
      service: module.name,
      responders: module.responders,
      orm: current,
      logger,
    });
  }

  function startWorkers(current: MikroORM): void {
    if (options.runWorkers === false) return;
    if (module.jobs?.length) {
      workers.scheduler = createScheduler({
        orm: current,
        jobs: module.jobs,
        namespace,
        subgraph: module.name,
        logger,
        // Publish a job's events as soon as its run commits (when there is a relay).
        onEventsRecorded: () => workers.relay?.notify(),
      });
    }
    const messaging = options.messaging;
    if (!messaging) return;
    const relay = createOutboxRelay({
      orm: current,
      js: messaging.js,
      namespace,
      logger,
      killAfterPublishes: options.relayKillAfterPublishes,
    });
    workers.relay = relay;
    // Publish as soon as a change commits, rather than at the next poll.
    current.em.getEventManager().registerSubscriber({
      afterTransactionCommit: () => relay.notify(),
      afterFlush: () => relay.notify(),
    });
    relay.start();
    for (const handler of module.eventHandlers ?? []) {
      const consumer = createEventConsumer({
        orm: current,
        ...messaging,
        subgraph: module.name,
        handler,
        logger,
      });
      workers.consumers.push(consumer);
    }
    for (const handler of module.deadLetterHandlers ?? []) {
      const watcher = createDeadLetterWatcher({
        orm: current,
        ...messaging,
        subgraph: module.name,
        handler,
        logger,
        relay,
      });
      workers.watchers.push(watcher);
    }
    watchMessaging(current, messaging);
    if (messaging.nc) workers.unwatch.push(onReconnect(messaging.nc, resumeWorkers));
  }

  function resumeWorkers(): void {
    workers.relay?.resume();
    workers.consumers.forEach((consumer) => consumer.resume());
  }

  function watchMessaging(current: MikroORM, { jsm }: SubgraphMessaging): void {
    const clients = { jsm, namespace };
    const backlog = () => current.em.fork().count(OutboxEntry, { sentAt: null });
    workers.unwatch.push(watchOutboxBacklog(module.name, backlog));
    for (const consumer of workers.consumers) {
      const pending = async () => {
        const info = await jsm.consumers.info(eventsStream(namespace), consumer.name);
        return info.num_pending + info.num_ack_pending;
      };
      workers.unwatch.push(watchConsumerLag(consumer.name, pending));
      const parked = () => countDeadLetters(clients, consumer.name);
      workers.unwatch.push(watchDeadLetters(consumer.name, parked));
    }
  }

  async function runRoute(
    route: NonNullable<SubgraphModule<L>['routes']>[string],
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    let context: SubgraphContext<L> | undefined;
    try {
      context = await createContext(headersOf(toHeaderMap(req)));
      const { requestId, correlationId, identity } = context;
      noteAccess(req, { requestId, correlationId, userId: identity.subject });
      await route(req, res, context);
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status === 500) {
        const ids = { requestId: context?.requestId, correlationId: context?.correlationId };
        logger.error({ err: error, service: module.name, ...ids }, 'unexpected error');
      }
      if (res.headersSent) return void res.destroy();
      sendError(res, httpError);
    }
  }

  return {
    name: module.name,
    get orm() {
      return requireOrm();
    },
    async start() {
      module.checkSettings?.(logger);
      orm = await openDatabase({
        target: options.target,
        entities: [
          ...module.entities,
          OutboxEntry,
          InboxEntry,
          ScheduledJob,
          IdempotencyRecordSchema,
        ],
      });
      const queries = dbQueries.labels({ subgraph: module.name });
      (orm.em.getConnection() as AbstractSqlConnection).getKnex().on('query', () => queries.inc());
      apollo = new ApolloServer<SubgraphContext<L>>({
        schema: buildSubgraphSchema({
          typeDefs: module.typeDefs,
          resolvers: module.resolvers as never,
        }),
        formatError,
        includeStacktraceInErrorResponses: false,
        allowBatchedHttpRequests: false,
        csrfPrevention: true,
        hideSchemaDetailsFromClientErrors: !options.schemaDetailsInErrors,
        parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
        logger,
        // The process that runs the subgraph owns its signals and stops everything in order;
        // Apollo's own handlers would stop this server on their own and re-raise the signal.
        stopOnTerminationSignals: false,
        // No HTTP caching of subgraph answers, and no Apollo inline tracing: both
        // would cost time on every field and nothing here reads them.
        plugins: [
          ApolloServerPluginLandingPageDisabled(),
          createAccessLogPlugin(accessLog),
          createSubgraphLimitsPlugin({
            typeDefs: module.typeDefs,
            introspection: options.schemaDetailsInErrors ? 'open' : 'restricted',
          }),
          createInputBoundsPlugin(),
          createTracingPlugin(),
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginCacheControlDisabled(),
        ],
      });
      await apollo.start();
      await module.onStart?.({
        em: orm.em.fork() as EntityManager,
        cipher: options.cipher,
        logger,
        emit: (tx, draft) =>
          recordEvent(tx, createEvent(draft, eventMeta({ correlationId: uuidv7() })), namespace),
      });
      startWorkers(orm);
      startResponders(orm);
      await Promise.all(workers.consumers.map((c) => c.start()));
      await Promise.all(workers.watchers.map((w) => w.start()));
      await workers.scheduler?.start();
    },
    async stop() {
      workers.unwatch.forEach((unwatch) => unwatch());
      workers.stopResponders?.();
      await Promise.all(workers.consumers.map((c) => c.stop()));
      await Promise.all(workers.watchers.map((w) => w.stop()));
      // Before the relay, so the events of a run in progress are still relayed by it.
      await workers.scheduler?.stop();
      await workers.relay?.stop();
      await apollo?.stop();
      await orm?.close();
      // Forget them all, so that start() after stop() begins afresh.
      Object.assign(workers, {
        relay: undefined,
        scheduler: undefined,
        consumers: [],
        watchers: [],
        unwatch: [],
        stopResponders: undefined,
      });
      apollo = undefined;
      orm = undefined;
    },
    async execute(request, headers) {
      const server = apollo;
      if (!server) throw new Error(`Subgraph ${module.name} is not started.`);
      return inRequestSpan(headers.traceparent, spanAttributes, async () => {
        const startedAt = performance.now();
        let contextValue: SubgraphContext<L>;
        try {
          contextValue = await createContext(headers);
        } catch (error) {
          const domain = asDomainError(error);
          const durationMs = performance.now() - startedAt;
          logRefusedCall(accessLog, { headers, code: domain.code, error, durationMs });
          return { errors: [formatError(toGraphQLError(domain).toJSON(), error)] };
        }
        const response = await server.executeOperation(request, { contextValue });
        if (response.body.kind !== 'single')
          throw new Error('Incremental delivery is not supported.');
        const { data, errors } = response.body.singleResult;
        return { data, errors };
      });
    },
    createHttpServer({ gatewayAssertions }) {
      if (!apollo) throw new Error(`Subgraph ${module.name} is not started.`);
      const fromGateway = (headers: Headers) =>
        gatewayAssertions.verify(headers[GATEWAY_ASSERTION_HEADER]);
      const routes = Object.entries(module.routes ?? {}).map(([path, route]) => {
        const guarded: RouteHandler = async (req, res) => {
          try {
            await fromGateway(headersOf(toHeaderMap(req)));
          } catch (error) {
            return sendError(res, toHttpError(error));
          }
          await runRoute(route, req, res);
        };
        return [path, guarded];
      });
      const publicRoutes = Object.entries(module.publicRoutes ?? {}).map(([path, route]) => {
        // Public to the gateway's clients; still only the gateway may call the subgraph.
        const guarded: RouteHandler = async (req, res) => {
          try {
            await fromGateway(headersOf(toHeaderMap(req)));
          } catch (error) {
            return sendError(res, toHttpError(error));
          }
          await runPublicRoute(route, req, res);
        };
        return [path, guarded];
      });
      return createHttpServer({
        graphql: {
          server: apollo,
          context: async (_req, headerMap) => {
            const headers = headersOf(headerMap);
            try {
              await fromGateway(headers);
              return await createContext(headers);
            } catch (error) {
              throw authFailure(error);
            }
          },
          spanAttributes,
        },
        routes: {
          ...Object.fromEntries(routes),
          ...Object.fromEntries(publicRoutes),
          ...publicMetricsRoutes(options.metricsEndpoint ?? {}, register),
        },
        ready: () => this.ready(),
        accessLog,
      });
    },
    routes() {
      const entries = Object.entries(module.routes ?? {});
      return Object.fromEntries(
        entries.map(([path, route]) => [path, (req, res) => runRoute(route, req, res)]),
      );
    },
    publicRoutes() {
      const entries = Object.entries(module.publicRoutes ?? {});
      return Object.fromEntries(
        entries.map(([path, route]) => [path, (req, res) => runPublicRoute(route, req, res)]),
      );
    },
    async ready() {
      if (!orm) return false;
      await orm.em.getConnection().execute('select 1');
      return true;
    },
    drainOutbox: async () => (workers.relay ? workers.relay.drain() : 0),
    get scheduler() {
      return workers.scheduler;
    },
    runDueJobs: async () => (workers.scheduler ? workers.scheduler.runDue() : 0),
  };
}

function headersOf(map: HeaderMap): Headers {
  return Object.fromEntries(map.entries());
}

function asDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new DomainError(ErrorCode.INTERNAL, 'Internal error.', 'INTERNAL', { cause: error });
}

function toHttpError(error: unknown): HttpError {
  const domain = asDomainError(error);
  const status = httpStatusOf(domain.code);
  return new HttpError(
    status,
    status === 500 ? 'Internal error.' : domain.message,
    status === 500 ? 'INTERNAL' : domain.code,
  );
}
