import type { Logger, SubgraphRuntime } from '../../../runtime';

/**
 * Stops every subgraph at once. Each waits for its consumers' pulls in progress to end
 * (up to a pull's expiry), so stopping them one after another would make a shutdown last
 * that long for every subgraph. A subgraph that does not stop cleanly is logged and the
 * others still stop.
 */
export async function stopRuntimes(
  runtimes: Record<string, SubgraphRuntime>,
  logger: Logger,
): Promise<void> {
  await Promise.all(
    Object.values(runtimes).map((runtime) =>
      runtime.stop().catch((error: unknown) => {
        logger.warn({ err: error, subgraph: runtime.name }, 'subgraph did not stop cleanly');
      }),
    ),
  );
}
