import path from 'node:path';
import { ConfigError, loadConfig } from '../runtime/src/config';
import { createLogger } from '../runtime/src/logger';
import { startTracing } from '../runtime/src/tracing';
import { createPlatform } from '../platform/src/createPlatform';
import { NatsServerError, startNatsServer } from '../messaging/src';

/** `npm start`: the whole platform in one process (see README). */
async function main(): Promise<void> {
  const config = loadConfig();
  const tracing = startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? 'hr-platform',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'hr-platform' });
  const natsServer = config.NATS_URL
    ? undefined
    : await startNatsServer({ storeDir: path.join(config.DATA_DIR, 'nats') });
  const natsUrl = config.NATS_URL ?? natsServer!.url;
  const platform = await createPlatform({ config, natsUrl, logger });
  const port = await platform.listen();
  logger.info(
    {
      url: `http://${config.HOST}:${port}/graphql`,
      nats: natsUrl,
      database: config.DATABASE_URL ? 'postgresql' : 'sqlite',
    },
    'HR platform ready; get a token with: npm run --silent token -- --role ADMIN',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await platform.stop();
    } catch (error) {
      logger.error({ err: error }, 'platform did not stop cleanly');
    } finally {
      // The nats-server started here is a child process: never leave it behind.
      await natsServer?.stop();
      // Spans still buffered would be lost with the process.
      await tracing.shutdown().catch((error: unknown) => {
        logger.warn({ err: error }, 'traces not flushed');
      });
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof NatsServerError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
