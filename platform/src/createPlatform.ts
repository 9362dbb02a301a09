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
  createGatewayAssertionSigner,
  generatePrivateJwk,
  loadCipher,
  configuredIssuer,
  type LocalIssuer,
  createLogger,
  type DatabaseTarget,
  type Logger,
  natsConnectionOf,
  inboxKeepMsOf,
  outboxKeepSentMsOf,
  publicJwk,
  streamOptionsOf,
  type SubgraphModule,
  type SubgraphRuntime,
  targetFor,
} from '../../runtime';
import { subgraphs as allSubgraphs } from '../../subgraphs';
import { createPlatformVerifier } from './auth/createPlatformVerifier';
import { platformGatewayOptions, type RemoteSubgraphs } from './gateway/platformGatewayOptions';
import { startSubgraphs } from './startup/startSubgraphs';
import { stopRuntimes } from './startup/stopRuntimes';
import { undoStart } from './startup/undoStart';
import { type SubgraphProcess, startSubgraphProcess } from './subgraphProcess/startSubgraphProcess';
import type { SubgraphProcessError } from './subgraphProcess/SubgraphProcessError';

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
  /**
   * Of those, the ones to run in a second process instead, reached over loopback HTTP, so
   * the event load can use another core (`npm start`: ALL_IN_ONE_CHILD_SUBGRAPHS; default
   * none). That process takes its configuration from the environment and its databases from
   * it (`database` does not reach it) and uses `namespace` by its id, NATS_NAMESPACE.
   */
  childSubgraphs?: readonly string[];
  /** The second process kept dying and is left down: the platform should stop (default: logged). */
  onChildGivenUp?: (error: SubgraphProcessError) => void;
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
  issueToken: LocalIssuer['issue'];
  /** The second process, when some subgraphs run there. */
  child?: SubgraphProcess;
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
  const issuer = configuredIssuer(config);
  const verifier = createPlatformVerifier(config, issuer);
  const cipher = loadCipher(config);
  const database = options.database ?? ((name: string) => targetFor(name, config));
  const nats = await connectNats({
    ...natsConnectionOf(config),
    servers: options.natsUrl,
    name: 'hr-platform',
  });
  const runtimes: Record<string, SubgraphRuntime> = {};
  let remote: (RemoteSubgraphs & { process: SubgraphProcess }) | undefined;
  const undo = async (error: unknown) => {
    await remote?.process.stop();
    return undoStart(error, runtimes, nats.nc, logger);
  };
  await ensureStreams(nats.jsm, namespace, streamOptionsOf(config)).catch(undo);
  const retention = {
    outboxKeepSentMs: outboxKeepSentMsOf(config),
    inboxKeepMs: inboxKeepMsOf(config),
  };
  const deps = { database, verifier, cipher, nats, namespace, issuer, logger, ...retention };
  // Each module's loaders are its own; the runtime needs none of their types.
  const all = (options.modules ?? allSubgraphs).map((m) => m as SubgraphModule<unknown>);
  const childNames = options.childSubgraphs ?? [];
  // Forked before this process starts its own subgraphs, so both start at once; after the
  // issuer's and the data keys' files exist, which the child reads.
  if (childNames.length > 0)
    remote = await startRemote(options, all, childNames, logger).catch(undo);
  const modules = all.filter((module) => !childNames.includes(module.name));
  await startSubgraphs(modules, deps, runtimes).catch(undo);
  await remote?.process.started.catch(undo);

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
    remote,
    logger,
  });
  const gateway = createGateway(gatewayOptions);

  return {
    runtimes,
    child: remote?.process,
    issueToken: (claims) => issuer.issue(claims),
    gateway,
    createReplica: () => createGateway(gatewayOptions),
    listen: (port = config.PORT, host = config.HOST) => gateway.listen(port, host),
    async stop() {
      await gateway.stop();
      await Promise.all([remote?.process.stop(), stopRuntimes(runtimes, logger)]);
      await closeNats(nats.nc);
    },
  };
}

/**
 * Forks the second process for `names` with a gateway key made for this run: its
 * subgraphs answer only calls that carry an assertion signed with it.
 */
async function startRemote(
  options: PlatformOptions,
  all: readonly SubgraphModule<unknown>[],
  names: readonly string[],
  logger: Logger,
): Promise<RemoteSubgraphs & { process: SubgraphProcess }> {
  const key = generatePrivateJwk();
  const child = await startSubgraphProcess({
    names,
    natsUrl: options.natsUrl,
    namespaceId: options.config.NATS_NAMESPACE,
    gatewayJwks: { keys: [publicJwk(key)] },
    logger,
    onGiveUp:
      options.onChildGivenUp ??
      ((error) => logger.error({ err: error }, 'the platform runs without these subgraphs')),
  });
  return {
    process: child,
    urls: child.urls,
    modules: all.filter((module) => names.includes(module.name)),
    assertion: createGatewayAssertionSigner({ key }),
    ready: () => child.ready(),
    metrics: () => child.metrics(),
  };
}
