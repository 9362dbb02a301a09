import {
  type CataloguedJob,
  createScheduler,
  DEFAULT_NAMESPACE,
  type Scheduler,
  untypedJob,
} from '../messaging';
import { createLogger } from '../runtime';
import type { SubgraphHarness } from './startSubgraph';

/**
 * A scheduler of `job` on the harness's database that runs only when the test says, on the
 * test's clock: for suites that start the subgraph with its workers off or drive a job by hand.
 */
export const createTestScheduler = (
  h: Pick<SubgraphHarness, 'runtime'>,
  subgraph: string,
  job: CataloguedJob,
  now: () => Date,
): Scheduler =>
  createScheduler({
    orm: h.runtime.orm,
    jobs: [untypedJob(job)],
    namespace: DEFAULT_NAMESPACE,
    subgraph,
    logger: createLogger({ level: 'silent' }),
    now,
  });
