import type { RequestContexts } from './createRequestContexts';
import { createSubgraphApollo } from './createSubgraphApollo';
import { openSubgraphDatabase } from './openSubgraphDatabase';
import { startSubgraphWorkers } from './startSubgraphWorkers';
import type { SubgraphSetup } from './SubgraphSetup';
import type { SubgraphState } from './SubgraphState';

/**
 * Starts a runtime, keeping what it opens in `state`: checks the module's settings, opens
 * its database and its Apollo server, runs its `onStart`, then starts its workers.
 */
export async function startSubgraph<L>(
  state: SubgraphState<L>,
  setup: SubgraphSetup<L>,
  contexts: RequestContexts<L>,
): Promise<void> {
  const { module, options, logger } = setup;
  module.checkSettings?.(logger);
  state.orm = await openSubgraphDatabase(module, options.target, ({ applied, adopted }) => {
    if (applied.length + adopted.length > 0) logger.info({ applied, adopted }, 'database migrated');
  });
  state.apollo = createSubgraphApollo(setup);
  await state.apollo.start();
  await module.onStart?.(contexts.start(state.orm));
  await startSubgraphWorkers(state.workers, setup, state.orm);
}
