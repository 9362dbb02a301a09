import type { MikroORM } from '@mikro-orm/core';
import { createScheduler, type Scheduler, untypedJob } from '../../../messaging';
import type { SubgraphSetup } from './SubgraphSetup';

/** Options of {@link createSubgraphScheduler}. */
export interface SubgraphSchedulerOptions<L> extends Pick<
  SubgraphSetup<L>,
  'module' | 'namespace' | 'logger'
> {
  orm: MikroORM;
  /** Called when a run has committed events, to publish them at once. */
  onEventsRecorded: () => void;
}

/** The scheduler of the module's jobs, not yet started; undefined when it has none. */
export function createSubgraphScheduler<L>(
  options: SubgraphSchedulerOptions<L>,
): Scheduler | undefined {
  const { module } = options;
  if (!module.jobs?.length) return undefined;
  return createScheduler({
    orm: options.orm,
    jobs: module.jobs.map(untypedJob),
    namespace: options.namespace,
    subgraph: module.name,
    logger: options.logger,
    onEventsRecorded: options.onEventsRecorded,
  });
}
