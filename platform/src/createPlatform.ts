import fs from 'node:fs';
import path from 'node:path';
import {
  createGateway,
  type Gateway,
  type StaticSiteOptions,
  type SubscriptionLimits,
} from '../../gateway/src';
import {
  closeNats,
  connectNats,
  DEFAULT_NAMESPACE,
  ensureStreams,
  type Namespace,
} from '../../messaging';
import {
  type AppConfig,
  loadCipher,
  createLocalIssuer,
  createLogger,
  type DatabaseTarget,
  type Logger,
  natsConnectionOf,
  outboxKeepSentMsOf,
  streamOptionsOf,
  type SubgraphModule,
  type SubgraphRuntime,
  targetFor,
} from '../../runtime';
import { subgraphs as allSubgraphs } from '../../subgraphs';
import { createPlatformVerifier } from './auth/createPlatformVerifier';
import { platformGatewayOptions } from './gateway/platformGatewayOptions';
import { startSubgraphs } from './startup/startSubgraphs';
import { stopRuntimes } from './startup/stopRuntimes';
import { undoStart } from './startup/undoStart';

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../schema/supergraph.graphql');

export interface PlatformOptions {
  config: AppConfig;
  /**
   * NATS to use (all-in-one resolves it from NATS_URL or a started nats-server); the
   * credentials, TLS and stream settings come from the config.
   */
  natsUrl: string | string[];
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
  /** The built web app the gateway serves at `/` (platform/src/web/webBuild `webSite`). */
  site?: StaticSiteOptions;
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
  const verifier = createPlatformVerifier(config, issuer);
  const cipher = loadCipher(config);
  const database = options.database ?? ((name: string) => targetFor(name, config));
  const nats = await connectNats({
    ...natsConnectionOf(config),
    servers: options.natsUrl,
    name: 'hr-platform',
  });
  const runtimes: Record<string, SubgraphRuntime> = {};
  const undo = (error: unknown) => undoStart(error, runtimes, nats.nc, logger);
  await ensureStreams(nats.jsm, namespace, streamOptionsOf(config)).catch(undo);
  const outboxKeepSentMs = outboxKeepSentMsOf(config);
  const deps = { database, verifier, cipher, nats, namespace, issuer, logger, outboxKeepSentMs };
  // Each module's loaders are its own; the runtime needs none of their types.
  const modules = (options.modules ?? allSubgraphs).map((m) => m as SubgraphModule<unknown>);
  await startSubgraphs(modules, deps, runtimes).catch(undo);

  const gatewayOptions = platformGatewayOptions({
    config,
    supergraphSdl: options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    runtimes,
    verifier,
    issuer,
    nats,
    namespace,
    subscriptionLimits: options.subscriptionLimits,
    site: options.site,
    logger,
  });
  const gateway = createGateway(gatewayOptions);

  return {
    runtimes,
    issueToken: (claims) => issuer.issue(claims),
    gateway,
    createReplica: () => createGateway(gatewayOptions),
    listen: (port = config.PORT, host = config.HOST) => gateway.listen(port, host),
    async stop() {
      await gateway.stop();
      await stopRuntimes(runtimes, logger);
      await closeNats(nats.nc);
    },
  };
}
