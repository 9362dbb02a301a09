/** What one caller may spend in one window. */
export interface Quota {
  /** GraphQL requests (over HTTP, SSE or a socket), each counting 1. */
  requests: number;
  /** The summed cost of its operations, as the operation analyzer measures it. */
  cost: number;
}

/** Failed sign-ins one address may make before it is refused for a while. */
export interface AuthFailureLimit {
  /** Failed authentications in one window. */
  limit: number;
  windowSeconds: number;
  /** How long the address is refused, good token or not, once over the limit. */
  blockSeconds: number;
}

/** Where the counters live. */
export type RateLimitStore =
  /** This process's memory: one gateway (all-in-one). */
  | { kind: 'memory' }
  /** A table in PostgreSQL, so every gateway replica counts together. */
  | { kind: 'postgres'; url: string; table?: string };

export interface RateLimitOptions {
  /** Where the counters live (default: memory). */
  store?: RateLimitStore;
  /** Length of the window of requests and cost, in seconds (default 60). */
  windowSeconds?: number;
  /** Per identity (a token's subject), per window. */
  identity?: Partial<Quota>;
  /** Per partner client (PARTNER tokens), per window. */
  partner?: Partial<Quota>;
  /** Per partner client id, in place of `partner` for that client. */
  partners?: Record<string, Partial<Quota>>;
  /** Per client address, per window, whoever is signed in. */
  address?: Partial<Quota>;
  /** Failed authentications per client address. */
  authFailures?: Partial<AuthFailureLimit>;
}

// Why these defaults:
// - A person clicking through screens sends a few operations per screen, some screens
//   at once: 300 requests a minute (5 a second, kept up for a whole minute) is far
//   above a busy user and far below a script in a loop (one reached 758 a second).
//   Screens cost tens to a few hundred by the cost rule, so 100,000 a minute is room
//   for a busy person and for two of the largest operations the cost limit lets
//   through, not for a stream of them.
// - A partner syncs nightly by paging, steadily rather than in bursts: 120 requests
//   (2 a second) and 200,000 cost a minute move a 10,000-person organisation in
//   minutes while leaving the gateway to the people using it; a partner that needs
//   more gets its own quota.
// - An address may be a hospital's or an office's NAT with hundreds of people behind
//   it, so its quota is ten times a person's. Behind a proxy, set the trusted hops,
//   or everyone shares the proxy's address.
// - Sign-in failures: a browser with an expired token fails once and refreshes; 60
//   failures in 10 minutes from one address is a script guessing or replaying tokens,
//   and 15 minutes of refusal stops it without locking an office out for long.
export const DEFAULT_RATE_LIMITS: Readonly<{
  windowSeconds: number;
  identity: Quota;
  partner: Quota;
  address: Quota;
  authFailures: AuthFailureLimit;
}> = {
  windowSeconds: 60,
  identity: { requests: 300, cost: 100_000 },
  partner: { requests: 120, cost: 200_000 },
  address: { requests: 3_000, cost: 1_000_000 },
  authFailures: { limit: 60, windowSeconds: 600, blockSeconds: 900 },
};
