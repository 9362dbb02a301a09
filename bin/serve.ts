import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { register } from 'prom-client';
import { createGateway, type SubgraphEndpoint } from '../gateway/src';
import { webSite } from '../platform/src/web/webBuild';
import {
  closeNats,
  connectNats,
  createNamespace,
  ensureStreams,
  type StreamOptions,
  NatsAuthError,
} from '../messaging';
import {
  type AppConfig,
  ConfigError,
  loadCipher,
  createGatewayAssertionSigner,
  createGatewayAssertionVerifier,
  configuredIssuer,
  createLogger,
  createMetricsServer,
  createSubgraphRuntime,
  createTokenVerifier,
  issuerKeyFile,
  KeyFileError,
  listen,
  limitHeapGrowth,
  loadConfig,
  type Logger,
  metricsEndpointOf,
  natsConnectionOf,
  inboxKeepMsOf,
  outboxKeepSentMsOf,
  readPrivateJwk,
  startTracing,
  streamOptionsOf,
  type SubgraphModule,
  subgraphOptionsOf,
  targetFor,
  type Tracing,
} from '../runtime';
import { SUPERGRAPH_FILE } from '../platform/src/createPlatform';
import { hrSubscriptions } from '../platform/src/subscriptionFields';
import { edgeOptions, socketLimitsOf } from '../platform/src/edgeOptions';
import { proxyRoute } from '../platform/src/proxyRoute';
import { subgraphs } from '../subgraphs';

/**
 * `npm run serve -- <name>`: one part of the platform as its own process
 * (distributed mode): `gateway`, or a subgraph by name.
 */

/** Only the issuer holds its private key: a served part verifies with public keys alone. */
function verifierFor(config: AppConfig) {
  const pinned = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS,
    maxLifetimeSeconds: config.JWT_MAX_TTL_SECONDS,
  };
  if (config.JWKS_URL) return createTokenVerifier({ ...pinned, jwksUrl: config.JWKS_URL });
  if (config.JWKS_FILE) return createTokenVerifier({ ...pinned, jwksFile: config.JWKS_FILE });
  throw new ConfigError(
    "JWKS_URL or JWKS_FILE is required: a served part verifies tokens with the issuer's public keys and never holds its private key.",
  );
}

/** Subgraphs served over HTTP answer only calls carrying the gateway's assertion (docs/gateway-trust.md). */
function assertionSignerFor(config: AppConfig) {
  if (!config.GATEWAY_ASSERTION_KEY_FILE) {
    throw new ConfigError(
      'GATEWAY_ASSERTION_KEY_FILE is required to serve the gateway: subgraphs answer only calls signed with its key.',
    );
  }
  return createGatewayAssertionSigner({ key: readPrivateJwk(config.GATEWAY_ASSERTION_KEY_FILE) });
}

function gatewayAssertionsFor(config: AppConfig) {
  if (!config.GATEWAY_JWKS_FILE) {
    throw new ConfigError(
      "GATEWAY_JWKS_FILE is required to serve a subgraph: it answers only calls carrying the gateway's assertion.",
    );
  }
  return createGatewayAssertionVerifier({ jwksFile: config.GATEWAY_JWKS_FILE });
}

/** The issuer's private key must already be there (`tsx bin/keys.ts`): a new one nobody trusts is no use. */
function issuerFor(config: AppConfig) {
  readPrivateJwk(issuerKeyFile(config.DATA_DIR));
  return configuredIssuer(config);
}

/** Exports the spans still buffered; a collector that is down must not hold up the exit. */
const flushTraces = (tracing: Tracing, logger: Logger) =>
  tracing.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'traces not flushed'));

async function serveGateway(config: AppConfig, logger: Logger, tracing: Tracing): Promise<number> {
  const verifier = verifierFor(config);
  const assertion = assertionSignerFor(config);
  const supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  const urls: Record<string, string> = {};
  for (const { name, url } of Supergraph.build(supergraphSdl).subgraphsMetadata()) {
    urls[name] = config.subgraphUrls[name] ?? url;
  }
  const endpoints: Record<string, SubgraphEndpoint> = Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [name, { url }]),
  );
  const proxiedRoutes = (routesOf: (module: (typeof subgraphs)[number]) => object | undefined) =>
    Object.fromEntries(
      subgraphs.flatMap((module) =>
        Object.keys(routesOf(module) ?? {}).map((path) => [
          path,
          proxyRoute(urls[module.name], { assertion, timeoutMs: config.SUBGRAPH_TIMEOUT_MS }),
        ]),
      ),
    );
  const routes = proxiedRoutes((module) => module.routes);
  const publicRoutes = proxiedRoutes((module) => module.publicRoutes);
  // Subscriptions are served from the events stream, so they need NATS.
  const namespace = createNamespace(config.NATS_NAMESPACE);
  const nats = config.NATS_URL
    ? await connectNats({ ...natsConnectionOf(config), name: 'gateway' })
    : undefined;
  if (nats) await ensureStreams(nats.jsm, namespace, streamOptionsLogged(config, logger));
  else logger.warn('no NATS_URL: the gateway serves no subscriptions');
  const gateway = createGateway({
    supergraphSdl,
    subgraphs: endpoints,
    verifier,
    subgraphAssertion: assertion,
    introspection: config.INTROSPECTION_OPEN ? 'open' : 'restricted',
    ...edgeOptions(config),
    routes,
    publicRoutes,
    subscriptions: nats && {
      ...hrSubscriptions(nats, namespace),
      limits: socketLimitsOf(config),
    },
    ...subgraphOptionsOf(config),
    // The image carries the built web app (Dockerfile); the gateway serves it at `/`.
    site: webSite(),
    logger,
  });
  process.on('SIGTERM', () => {
    void gateway
      .stop()
      .then(() => nats && closeNats(nats.nc))
      .then(() => flushTraces(tracing, logger))
      .then(() => process.exit(0));
  });
  return gateway.listen(config.PORT, config.HOST);
}

/** The streams' options, saying so while a new cluster keeps the start waiting. */
function streamOptionsLogged(config: AppConfig, logger: Logger): StreamOptions {
  const onRetry = (error: unknown, attempt: number) =>
    logger.warn({ err: error, attempt }, 'NATS JetStream is still forming; asking again');
  return { ...streamOptionsOf(config), clusterForming: { onRetry } };
}

async function serveSubgraph(
  name: string,
  config: AppConfig,
  logger: Logger,
  tracing: Tracing,
): Promise<number> {
  const module = subgraphs.find((s) => s.name === name) as SubgraphModule<unknown> | undefined;
  if (!module)
    throw new ConfigError(
      `Unknown service "${name}": use gateway or one of ${subgraphs.map((s) => s.name).join(', ')}.`,
    );
  if (!config.NATS_URL)
    throw new ConfigError('NATS_URL is required to serve a subgraph on its own.');
  const verifier = verifierFor(config);
  const gatewayAssertions = gatewayAssertionsFor(config);
  const nats = await connectNats({ ...natsConnectionOf(config), name });
  const namespace = createNamespace(config.NATS_NAMESPACE);
  await ensureStreams(nats.jsm, namespace, streamOptionsLogged(config, logger));
  const runtime = createSubgraphRuntime(module, {
    target: targetFor(name, config),
    verifier,
    cipher: loadCipher(config),
    messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
    logger,
    schemaDetailsInErrors: config.NODE_ENV === 'development',
    metricsEndpoint: metricsEndpointOf(config),
    relayKillAfterPublishes: config.OUTBOX_RELAY_KILL_AFTER_PUBLISHES,
    relayKeepSentMs: outboxKeepSentMsOf(config),
    inboxKeepMs: inboxKeepMsOf(config),
    // Sign-in is the issuer: the one service that holds its private key (DATA_DIR/issuer).
    issuer: module.issuesTokens ? issuerFor(config) : undefined,
  });
  await runtime.start();
  const server = runtime.createHttpServer({ gatewayAssertions });
  const metricsServer = createMetricsServer(metricsEndpointOf(config), register);
  if (metricsServer) await listen(metricsServer, config.METRICS_PORT!, config.HOST);
  process.on('SIGTERM', () => {
    server.close();
    metricsServer?.close();
    void runtime
      .stop()
      .then(() => closeNats(nats.nc))
      .then(() => flushTraces(tracing, logger))
      .then(() => process.exit(0));
  });
  return listen(server, config.PORT, config.HOST);
}

async function main(): Promise<void> {
  const config = loadConfig();
  limitHeapGrowth(config.HEAP_GROWING_PERCENT);
  const name = process.argv[2] ?? config.SERVICE;
  if (!name) throw new ConfigError('Name what to serve: npm run serve -- <gateway|subgraph name>.');
  const logger = createLogger({ level: config.LOG_LEVEL, name });
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? `hr-${name}`,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const port =
    name === 'gateway'
      ? await serveGateway(config, logger, tracing)
      : await serveSubgraph(name, config, logger, tracing);
  logger.info({ port }, `${name} listening`);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof KeyFileError || error instanceof NatsAuthError
      ? error.message
      : error,
  );
  process.exit(1);
});
