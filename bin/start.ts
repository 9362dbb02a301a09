import path from 'node:path';
import { ConfigError, createLogger, limitHeapGrowth, loadConfig, startTracing } from '../runtime';
import { createPlatform } from '../platform/src/createPlatform';
import { DataDirLockedError, lockDataDir } from '../platform/src/startup/lockDataDir';
import { StartupError } from '../platform/src/startup/StartupError';
import { watchLauncher } from '../platform/src/startup/watchLauncher';
import { childSubgraphsOf } from '../platform/src/subgraphProcess/childSubgraphsOf';
import { SubgraphProcessError } from '../platform/src/subgraphProcess/SubgraphProcessError';
import { subgraphs } from '../subgraphs';
import { ensureWebBuild, webSite } from '../platform/src/web/webBuild';
import { createNamespace, NatsAuthError, NatsServerError, startNatsServer } from '../messaging';

/** Errors whose message says all an operator needs: no stack is printed for them. */
const PLAIN_ERRORS = [
  ConfigError,
  NatsServerError,
  NatsAuthError,
  DataDirLockedError,
  StartupError,
  SubgraphProcessError,
];

/** A port already taken, said plainly. */
function listenFailed(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new StartupError(
      `Port ${port} on ${host} is in use by another process: stop it or set PORT to a free port.`,
      { cause: error },
    );
  if (code === 'EACCES')
    return new StartupError(`This process may not listen on port ${port}: set PORT.`, {
      cause: error,
    });
  return error;
}

/** `npm start`: the whole platform in one process (see README). */
async function main(): Promise<void> {
  const config = loadConfig();
  // All-in-one serves the web app on PORT, so its links go there unless PUBLIC_URL says
  // otherwise (a proxy in front). Set before any subgraph, or the second process, reads it.
  if (!process.env.PUBLIC_URL && config.PORT !== 0) {
    process.env.PUBLIC_URL = `http://localhost:${config.PORT}`;
  }
  limitHeapGrowth(config.HEAP_GROWING_PERCENT);
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'hr-platform' });
  const childSubgraphs = childSubgraphsOf(
    config,
    subgraphs.map((module) => module.name),
  );
  // First of all: a second platform on the same files stops here, having started nothing.
  const lock = lockDataDir(config.DATA_DIR);
  process.on('exit', () => lock.release());
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? 'hr-platform',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  // What has started, stopped last first, on a failed start as on shutdown.
  const started: { name: string; stop: () => Promise<void> }[] = [
    // Spans still buffered would be lost with the process.
    { name: 'traces', stop: () => tracing.shutdown() },
  ];
  const stopAll = async () => {
    for (const { name, stop } of started.splice(0).reverse()) {
      await stop().catch((error: unknown) => logger.warn({ err: error }, `${name} did not stop`));
    }
    lock.release();
  };

  let stopping = false;
  const shutdown = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    await stopAll();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // npm may die without passing a signal on (SIGKILL): the platform must not outlive it.
  watchLauncher(() => void shutdown('the process that launched it has exited'));

  try {
    const natsServer = config.NATS_URL
      ? undefined
      : await startNatsServer({ storeDir: path.join(config.DATA_DIR, 'nats') });
    // The nats-server started here is a child process: never leave it behind.
    if (natsServer) started.push({ name: 'nats-server', stop: () => natsServer.stop() });
    const natsUrl = config.NATS_URL ?? natsServer!.url;
    const namespace = createNamespace(config.NATS_NAMESPACE);
    // The web app is built here when missing or older than web/ (docs/web.md); without it
    // the platform still serves GraphQL.
    try {
      ensureWebBuild();
    } catch (error) {
      logger.warn({ err: error }, 'the web app could not be built; serving GraphQL only');
    }
    const site = webSite();
    const platform = await createPlatform({
      ...{ config, natsUrl, namespace, logger, site, childSubgraphs },
      // A second process that keeps dying leaves events unhandled: stop, saying so.
      onChildGivenUp: (error) => {
        console.error(`The platform stopped: ${error.message}`);
        void shutdown(error.message, 1);
      },
    });
    started.push({ name: 'platform', stop: () => platform.stop() });
    const port = await platform
      .listen()
      .catch((error: unknown) => Promise.reject(listenFailed(error, config.HOST, config.PORT)));
    logger.info(
      {
        url: `http://${config.HOST}:${port}/graphql`,
        app: site ? `http://${config.HOST}:${port}/` : 'not built',
        nats: natsUrl,
        database: config.DATABASE_URL ? 'postgresql' : 'sqlite',
        childProcess: platform.child
          ? { pid: platform.child.pid(), subgraphs: childSubgraphs }
          : 'none',
      },
      'HR platform ready; get a token with: npm run --silent token -- --role ADMIN',
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (PLAIN_ERRORS.some((type) => error instanceof type)) {
    console.error(`The platform did not start: ${(error as Error).message}`);
  } else {
    console.error('The platform did not start:', error);
  }
  process.exit(1);
});
