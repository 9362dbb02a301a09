import type http from 'node:http';
import type net from 'node:net';
import { collectDefaultMetrics, register } from 'prom-client';
import { closeNats, connectNats, createNamespace, type NatsClients } from '../../../messaging';
import {
  close,
  createGatewayAssertionVerifier,
  configuredIssuer,
  createLogger,
  loadCipher,
  limitHeapGrowth,
  loadConfig,
  type Logger,
  natsConnectionOf,
  inboxKeepMsOf,
  outboxKeepSentMsOf,
  startTracing,
  type SubgraphModule,
  type SubgraphRuntime,
  targetFor,
} from '../../../runtime';
import { subgraphs } from '../../../subgraphs';
import { createPlatformVerifier } from '../auth/createPlatformVerifier';
import { startSubgraphs } from '../startup/startSubgraphs';
import { stopRuntimes } from '../startup/stopRuntimes';
import type { FromChild, StartMessage, ToChild } from './subgraphProcessMessages';

/**
 * The second process of all-in-one (forked by startSubgraphProcess): runs the subgraphs the
 * first one names completely, as `npm run serve` runs one (GraphQL on a loopback port behind
 * the gateway's assertion, consumers, relay, jobs), on the same configuration, DATA_DIR and
 * NATS. It lives only as long as the first process: it stops when asked, and when the IPC
 * channel closes because that process died.
 */

/** What the process has running, stopped in reverse. */
interface Running {
  nats?: NatsClients;
  runtimes: Record<string, SubgraphRuntime>;
  servers: http.Server[];
  /** The listening sockets handed over by the first process, by subgraph name. */
  sockets: Record<string, net.Server>;
}

const send = (message: FromChild) => process.send?.(message);

async function startAll(message: StartMessage, running: Running, logger: Logger): Promise<void> {
  const config = loadConfig();
  const issuer = configuredIssuer(config);
  const nats = await connectNats({
    ...natsConnectionOf(config),
    servers: message.natsUrl,
    name: 'hr-platform-child',
  });
  running.nats = nats;
  const modules = subgraphs
    .filter((module) => message.names.includes(module.name))
    .map((module) => module as SubgraphModule<unknown>);
  const deps = {
    database: (name: string) => targetFor(name, config),
    verifier: createPlatformVerifier(config, issuer),
    cipher: loadCipher(config),
    nats,
    namespace: createNamespace(message.namespaceId),
    issuer,
    logger,
    outboxKeepSentMs: outboxKeepSentMsOf(config),
    inboxKeepMs: inboxKeepMsOf(config),
  };
  await startSubgraphs(modules, deps, running.runtimes);
  const gatewayAssertions = createGatewayAssertionVerifier({ jwks: message.gatewayJwks });
  for (const [name, runtime] of Object.entries(running.runtimes)) {
    const server = runtime.createHttpServer({ gatewayAssertions });
    running.servers.push(server);
    await serveOn(server, running.sockets[name], name);
  }
}

/** Serves on a socket the first process bound (loopback only: for its gateway alone). */
function serveOn(server: http.Server, socket: net.Server | undefined, name: string) {
  if (!socket) throw new Error(`no socket was handed over for ${name}`);
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
}

/** Keeps a socket handed over until its subgraph serves on it, refusing calls meanwhile. */
function keepSocket(running: Running, name: string, socket: net.Server): void {
  socket.on('connection', (connection) => connection.resetAndDestroy());
  running.sockets[name] = socket;
}

async function stopAll(running: Running, logger: Logger): Promise<void> {
  await Promise.all(running.servers.map((server) => close(server)));
  await stopRuntimes(running.runtimes, logger);
  if (running.nats) await closeNats(running.nats.nc).catch(() => undefined);
}

/** This process's metrics, for the first process's `/metrics`. */
async function sendMetrics(id: number): Promise<void> {
  send({ type: 'metrics', id, metrics: await register.getMetricsAsJSON() });
}

function main(): void {
  const config = loadConfig();
  limitHeapGrowth(config.HEAP_GROWING_PERCENT);
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'hr-platform' }).child({
    process: 'subgraphs',
  });
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? 'hr-platform',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  // Its CPU and memory count in the platform's, which the first process serves with its own.
  collectDefaultMetrics({ register });
  const running: Running = { runtimes: {}, servers: [], sockets: {} };
  let stopping: Promise<void> | undefined;
  const stop = (code: number) => {
    stopping ??= stopAll(running, logger)
      .then(() => tracing.shutdown())
      .catch((error: unknown) => logger.warn({ err: error }, 'did not stop cleanly'))
      .finally(() => process.exit(code));
  };
  // Ctrl-C reaches the whole process group: the first process stops this one in its turn.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => stop(0));
  // The first process is gone (even SIGKILLed): nothing is left to serve.
  process.on('disconnect', () => stop(0));
  process.on('message', (message: ToChild, socket?: net.Server) => {
    if (message.type === 'port') return keepSocket(running, message.name, socket!);
    if (message.type === 'stop') return stop(0);
    if (message.type === 'metrics') return void sendMetrics(message.id);
    startAll(message, running, logger).then(
      () => send({ type: 'ready' }),
      (error: unknown) => {
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        stop(1);
      },
    );
  });
  send({ type: 'listening' });
}

if (require.main === module) main();
