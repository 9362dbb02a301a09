import type { CircuitStateName } from '../subgraphs/createSubgraphPolicy';
import type { BuiltSubgraph } from '../subgraphs/createServiceBuilder';

export interface SubgraphReadinessOptions {
  /** Subgraphs the gateway cannot serve without (default: every subgraph of the supergraph). */
  required?: readonly string[];
  /** Deadline of each subgraph's probe in milliseconds (default 1000). */
  probeTimeoutMs?: number;
  /** How long one round of probes answers every poll, in milliseconds (default 2000). */
  cacheMs?: number;
}

export interface SubgraphStatus {
  reachable: boolean;
  circuit: CircuitStateName;
  required: boolean;
}

export interface SubgraphReadinessReport {
  /** Every required subgraph is reachable. */
  ready: boolean;
  /** The required subgraphs that are not, by name. */
  unreachable: string[];
  /** Every subgraph of the supergraph, required or not. */
  subgraphs: Record<string, SubgraphStatus>;
}

export interface SubgraphReadiness {
  check(): Promise<SubgraphReadinessReport>;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 1_000;
export const DEFAULT_READINESS_CACHE_MS = 2_000;

/**
 * Which subgraphs the gateway can reach: each one's breaker state plus a
 * `{ __typename }` probe through its data source with a short deadline. An open
 * breaker answers without a call until it may test the subgraph again. A round of
 * probes is shared by every poll for `cacheMs`, so polling cannot become load.
 */
export function createSubgraphReadiness(
  subgraphs: ReadonlyMap<string, BuiltSubgraph>,
  options: SubgraphReadinessOptions = {},
): SubgraphReadiness {
  const probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? DEFAULT_READINESS_CACHE_MS;
  let last: { at: number; report: Promise<SubgraphReadinessReport> } | undefined;

  async function probeAll(): Promise<SubgraphReadinessReport> {
    const required = new Set(options.required ?? subgraphs.keys());
    const entries = await Promise.all(
      [...subgraphs.values()].map(async (subgraph) => {
        const reachable = await subgraph.probe(probeTimeoutMs).then(
          () => true,
          () => false,
        );
        const status: SubgraphStatus = {
          reachable,
          circuit: subgraph.policy.circuit,
          required: required.has(subgraph.name),
        };
        return [subgraph.name, status] as const;
      }),
    );
    const statuses = Object.fromEntries(entries);
    // A required subgraph the supergraph does not have can never be reached.
    const unreachable = [...required].filter((name) => statuses[name]?.reachable !== true);
    return { ready: unreachable.length === 0, unreachable, subgraphs: statuses };
  }

  return {
    check() {
      const now = Date.now();
      if (!last || now - last.at >= cacheMs) last = { at: now, report: probeAll() };
      return last.report;
    },
  };
}
