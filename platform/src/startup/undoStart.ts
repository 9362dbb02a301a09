import type { NatsConnection } from '@nats-io/nats-core';
import { closeNats } from '../../../messaging';
import type { Logger, SubgraphRuntime } from '../../../runtime';

/**
 * After a start that failed: stops the runtimes it listed, last first, and closes NATS,
 * so it leaves no consumers, database files or connections open; then throws its error.
 */
export async function undoStart(
  error: unknown,
  runtimes: Record<string, SubgraphRuntime>,
  nc: NatsConnection,
  logger: Logger,
): Promise<never> {
  for (const runtime of Object.values(runtimes).reverse()) {
    await runtime.stop().catch((stopError: unknown) => {
      logger.warn({ err: stopError, subgraph: runtime.name }, 'subgraph did not stop cleanly');
    });
  }
  await closeNats(nc);
  throw error;
}
