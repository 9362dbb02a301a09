import type { Readiness } from '../../../runtime/edge';
import type { SubgraphReadiness } from './createSubgraphReadiness';

/**
 * `/health/ready`: ready once the gateway runs, its own check (if any) passes and its
 * required subgraphs are reachable; the subgraphs' report goes with the answer.
 */
export const gatewayReadiness =
  (
    running: () => boolean,
    own: (() => Promise<boolean>) | undefined,
    subgraphs: SubgraphReadiness,
  ) =>
  async (): Promise<boolean | Readiness> => {
    if (!running()) return false;
    const [ownReady, { ready, ...details }] = await Promise.all([
      own ? own() : true,
      subgraphs.check(),
    ]);
    return { ready: ownReady && ready, details };
  };
