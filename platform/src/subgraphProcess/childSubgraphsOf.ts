import os from 'node:os';
import { type AppConfig, ConfigError } from '../../../runtime';

/**
 * The subgraphs `auto` moves: those a recorded time entry fans out to, whose consumers and
 * writes are most of the event load (bench/pipeline.ts), and which nothing else in the
 * process calls directly.
 */
export const DEFAULT_CHILD_SUBGRAPHS: readonly string[] = ['accruals', 'billing', 'audit'];

/**
 * The subgraphs all-in-one runs in its second process, from ALL_IN_ONE_CHILD_SUBGRAPHS: none,
 * the default set when `auto` and the machine has two cores or more, or the names given,
 * each of which must be one of `known`. Moving every subgraph would leave the first process
 * nothing to share the load with, so at least one must stay.
 */
export function childSubgraphsOf(
  config: Pick<AppConfig, 'ALL_IN_ONE_CHILD_SUBGRAPHS'>,
  known: readonly string[],
  cores = os.availableParallelism(),
): string[] {
  const setting = config.ALL_IN_ONE_CHILD_SUBGRAPHS;
  if (setting === 'none') return [];
  if (setting === 'auto') return cores >= 2 ? [...DEFAULT_CHILD_SUBGRAPHS] : [];
  const unknown = setting.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new ConfigError(
      `Invalid configuration: ALL_IN_ONE_CHILD_SUBGRAPHS: ${unknown.join(', ')} is not a subgraph; use auto, none or some of ${known.join(', ')}.`,
    );
  const names = [...new Set(setting)];
  if (names.length === known.length)
    throw new ConfigError(
      'Invalid configuration: ALL_IN_ONE_CHILD_SUBGRAPHS: at least one subgraph must stay in the first process.',
    );
  return names;
}
