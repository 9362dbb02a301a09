import type { SubgraphState } from './SubgraphState';
import { noWorkers, stopSubgraphWorkers } from './SubgraphWorkers';

/** Stops a runtime's workers, then its Apollo server and database, and forgets them all. */
export async function stopSubgraph<L>(state: SubgraphState<L>): Promise<void> {
  await stopSubgraphWorkers(state.workers);
  await state.apollo?.stop();
  await state.orm?.close();
  // Forget them all, so that start() after stop() begins afresh.
  Object.assign(state.workers, noWorkers());
  state.apollo = undefined;
  state.orm = undefined;
}
