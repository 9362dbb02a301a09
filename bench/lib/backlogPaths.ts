import type { SubgraphModule } from '../../runtime';
import { withoutBatchPaths } from './catchUpOnHires';

type Module = Pick<SubgraphModule<never>, 'eventHandlers'>;

/**
 * The two ways a subgraph applies a backlog, to time side by side: through its handlers'
 * batch paths, and one event at a time. PATHS=batch keeps the batch paths alone.
 */
export function backlogPaths<M extends Module>(module: () => M): [string, M][] {
  const paths: [string, M][] = [
    ['in batches', module()],
    ['one at a time', withoutBatchPaths(module())],
  ];
  return process.env.PATHS === 'batch' ? paths.slice(0, 1) : paths;
}

/** The batch paths' rate over one at a time's, when both were timed. */
export const batchGainLine = (rates: number[]): string[] =>
  rates.length < 2 ? [] : [`batches / one at a time: ${(rates[0]! / rates[1]!).toFixed(2)}x`];
