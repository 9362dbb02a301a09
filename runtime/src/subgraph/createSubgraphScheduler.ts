import type { MikroORM } from '@mikro-orm/core';
import {
  type CataloguedJob,
  createScheduler,
  type Scheduler,
  untypedJob,
} from '../../../messaging';
import { inboxPruneJob } from './inboxPruneJob';
import type { SubgraphSetup } from './SubgraphSetup';

/** Options of {@link createSubgraphScheduler}. */
export interface SubgraphSchedulerOptions<L> extends Pick<
  SubgraphSetup<L>,
  'module' | 'namespace' | 'logger'
> {
  orm: MikroORM;
  /** How long inbox rows stay after their event was made; none: for ever. */
  inboxKeepMs?: number;
  /** Called when a run has committed events, to publish them at once. */
  onEventsRecorded: () => void;
}

/** The module's jobs, and the kit's: pruning the inbox of its event consumers when set to. */
function jobsOf<L>({ module, inboxKeepMs }: SubgraphSchedulerOptions<L>): CataloguedJob[] {
  const consumers = (module.eventHandlers ?? []).map((h) => `${module.name}_${h.name}`);
  const prune =
    inboxKeepMs !== undefined && consumers.length > 0
      ? [inboxPruneJob({ subgraph: module.name, consumers, keepMs: inboxKeepMs })]
      : [];
  return [...(module.jobs ?? []), ...prune];
}

/** The scheduler of the module's jobs, not yet started; undefined when it has none. */
export function createSubgraphScheduler<L>(
  options: SubgraphSchedulerOptions<L>,
): Scheduler | undefined {
  const jobs = jobsOf(options);
  if (!jobs.length) return undefined;
  return createScheduler({
    orm: options.orm,
    jobs: jobs.map(untypedJob),
    namespace: options.namespace,
    subgraph: options.module.name,
    logger: options.logger,
    onEventsRecorded: options.onEventsRecorded,
  });
}
