import fs from 'node:fs';
import path from 'node:path';
import {
  createGateway,
  type Gateway,
  type GatewayOptions,
  type SubgraphEndpoint,
  type SubscriptionLimits,
} from '../../gateway/src';
import {
  DEFAULT_NAMESPACE,
  closeNats,
  connectNats,
  ensureStreams,
  type Namespace,
} from '../../messaging/src';
import { createLocalIssuer, createTokenVerifier } from '../../runtime/src/auth';
import { createCipher, loadDataKey } from '../../runtime/src/cipher';
import { subgraphOptionsOf, type AppConfig } from '../../runtime/src/config';
import { targetFor, type DatabaseTarget } from '../../runtime/src/database';
import { createLogger, type Logger } from '../../runtime/src/logger';
import {
  createSubgraphRuntime,
  type SubgraphRuntime,
} from '../../runtime/src/subgraph/createSubgraphRuntime';
import type { SubgraphModule } from '../../runtime/src/subgraph/SubgraphModule';
import { subgraphs as allSubgraphs } from '../../subgraphs';
import { edgeOptions, socketLimitsOf } from './edgeOptions';
import { StartupError } from './startup/StartupError';
import { hrSubscriptions } from './subscriptionFields';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

export interface PlatformOptions {
  config: AppConfig;
  /** NATS to use (all-in-one resolves it from NATS_URL or a started nats-server). */
  natsUrl: string;
  /** Subgraphs to run in this process (default: all). */
  modules?: readonly SubgraphModule<never>[];
  /** Stream and subject names (tests use their own). */
  namespace?: Namespace;
  /** Where each subgraph keeps its data (default: from the config). */
  database?: (subgraph: string) => DatabaseTarget;
  /** Supergraph SDL (default: the committed schema/supergraph.graphql). */
  supergraphSdl?: string;
  /** Bounds on subscription clients (defaults of the gateway otherwise). */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  logger?: Logger;
}

export interface Platform {
  runtimes: Record<string, SubgraphRuntime>;
  /** Signs tokens with the local issuer (all-in-one and tests). */
  issueToken: ReturnType<typeof createLocalIssuer>['issue'];
  /** The gateway serving clients. */
  gateway: Gateway;
  /**
   * Another gateway over the same subgraphs and NATS, as a second replica would be (its
   * caller listens and stops it).
   */
  createReplica(): Gateway;
  listen(port?: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * All-in-one: the gateway and every subgraph in one process, the gateway
 * calling subgraphs in-process, each subgraph on its own database, events
 * through NATS JetStream.
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const issuer = createLocalIssuer({
    dataDir: config.DATA_DIR,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
  const verifier = createTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS,
    maxLifetimeSeconds: config.JWT_MAX_TTL_SECONDS,
    ...(config.JWKS_URL
      ? { jwksUrl: config.JWKS_URL }
      : config.JWKS_FILE
        ? { jwksFile: config.JWKS_FILE }
        : { jwks: issuer.jwks() }),
  });
  const cipher = createCipher(loadDataKey(config));
  const database = options.database ?? ((name: string) => targetFor(name, config));
  const nats = await connectNats({ servers: options.natsUrl, name: 'hr-platform' });
  const runtimes: Record<string, SubgraphRuntime> = {};
  // A start that fails leaves no consumers, database files or connections open behind it.
  const undo = async (error: unknown): Promise<never> => {
    for (const runtime of Object.values(runtimes).reverse()) {
      await runtime.stop().catch((stopError: unknown) => {
        logger.warn({ err: stopError, subgraph: runtime.name }, 'subgraph did not stop cleanly');
      });
    }
    await closeNats(nats.nc);
    throw error;
  };
  await ensureStreams(nats.jsm, namespace).catch(undo);

  for (const module of options.modules ?? allSubgraphs) {
    const runtime = createSubgraphRuntime(module as SubgraphModule<unknown>, {
      target: database(module.name),
      verifier,
      cipher,
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
      logger: logger.child({ subgraph: module.name }),
      // Sign-in signs with the same key the verifier trusts (the local issuer).
      issuer,
    });
    // Listed before it starts, so that one failing halfway is stopped too.
    runtimes[module.name] = runtime;
    await runtime.start().catch((error: unknown) => undo(subgraphFailed(module.name, error)));
  }

  const endpoints: Record<string, SubgraphEndpoint> = {};
  for (const [name, runtime] of Object.entries(runtimes)) {
    endpoints[name] = {
      execute: (request, headers) => runtime.execute(request, headers),
      ready: () => runtime.ready(),
    };
  }
  const gatewayOptions: GatewayOptions = {
    supergraphSdl: options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphs: endpoints,
    verifier,
    introspection: config.INTROSPECTION_OPEN ? 'open' : 'restricted',
    ...edgeOptions(config),
    routes: {
      '/.well-known/jwks.json': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(issuer.jwks()));
      },
      ...Object.assign({}, ...Object.values(runtimes).map((r) => r.routes())),
      ...Object.assign({}, ...Object.values(runtimes).map((r) => r.publicRoutes())),
    },
    // Each subgraph's own readiness counts through its endpoint, by name.
    ready: async () => !nats.nc.isClosed(),
    subscriptions: {
      ...hrSubscriptions(nats, namespace),
      limits: { ...socketLimitsOf(config), ...options.subscriptionLimits },
    },
    ...subgraphOptionsOf(config),
    logger,
  };
  const gateway = createGateway(gatewayOptions);

  return {
    runtimes,
    issueToken: (claims) => issuer.issue(claims),
    gateway,
    createReplica: () => createGateway(gatewayOptions),
    listen: (port = config.PORT, host = config.HOST) => gateway.listen(port, host),
    async stop() {
      await gateway.stop();
      for (const runtime of Object.values(runtimes).reverse()) await runtime.stop();
      await closeNats(nats.nc);
    },
  };
}

function subgraphFailed(name: string, error: unknown): StartupError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StartupError(`The ${name} subgraph did not start: ${reason}`, { cause: error });
}
