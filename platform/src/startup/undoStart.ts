import type { NatsConnection } from '@nats-io/nats-core';
import { closeNats } from '../../../messaging';
import type { Logger, SubgraphRuntime } from '../../../runtime';
import { stopRuntimes } from './stopRuntimes';

/**
 * After a start that failed: stops the runtimes it listed and closes NATS,
 * so it leaves no consumers, database files or connections open; then throws its error.
 */
export async function undoStart(
  error: unknown,
  runtimes: Record<string, SubgraphRuntime>,
  nc: NatsConnection,
  logger: Logger,
): Promise<never> {
  await stopRuntimes(runtimes, logger);
  await closeNats(nc);
  throw error;
}
