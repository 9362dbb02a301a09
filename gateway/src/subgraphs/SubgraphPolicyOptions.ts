/** How the gateway treats one subgraph; every field has a default. */
export interface SubgraphPolicyOptions {
  /** Deadline of one call in milliseconds, from the moment it asks for a slot (default 30 s). */
  timeoutMs?: number;
  /** Calls in flight at once (default 256). */
  maxConcurrency?: number;
  /** Calls waiting for a slot (default 256); beyond it a call is refused with UNAVAILABLE. */
  queue?: number;
  /**
   * Consecutive failed calls (timeouts, no connection, HTTP 502 to 504) that open the
   * breaker (default 5); while open, calls are refused at once with UNAVAILABLE.
   */
  breakerThreshold?: number;
  /** How long the breaker stays open before one call may test the subgraph (default 5 s). */
  halfOpenAfterMs?: number;
  /**
   * Retries of a read (never a mutation) whose request did not reach the subgraph or
   * that the subgraph answered with HTTP 503, with exponential backoff (default 2).
   */
  retries?: number;
}

export const DEFAULT_SUBGRAPH_POLICY: Readonly<Required<SubgraphPolicyOptions>> = {
  timeoutMs: 30_000,
  maxConcurrency: 256,
  queue: 256,
  breakerThreshold: 5,
  halfOpenAfterMs: 5_000,
  retries: 2,
};

/** `options` over the defaults, where a value left undefined keeps the default. */
export function withDefaults(...layers: SubgraphPolicyOptions[]): Required<SubgraphPolicyOptions> {
  const settings = { ...DEFAULT_SUBGRAPH_POLICY };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) settings[key as keyof SubgraphPolicyOptions] = value;
    }
  }
  return settings;
}
