import type { Role } from '../../runtime';

/** Who a request is sent as: HR for the organisation, each person for their own day. */
export interface SeedCaller {
  role: Role;
  sub: string;
}

/** A GraphQL error the gateway answered with, its `extensions.code` kept for retries. */
export class SeedRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface SeedClient {
  /** Sends one operation as `caller` and returns its data, or throws its first error. */
  request<D = Record<string, unknown>>(
    caller: SeedCaller,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<D>;
  /**
   * Runs `attempt` until it succeeds, while the platform is still learning by event what
   * a write needs (a new employee, their agreement, their manager): at most `timeoutMs`.
   */
  eventually<T>(attempt: () => Promise<T>, timeoutMs?: number): Promise<T>;
  /** Requests sent so far, 429s included. */
  readonly requests: number;
}

export interface SeedClientOptions {
  /** The gateway's GraphQL URL. */
  url: string;
  /** A token for a caller (the local issuer's, or the test platform's). */
  token(caller: SeedCaller): Promise<string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client of the gateway as an ordinary caller: it keeps one token per caller, and on
 * HTTP 429 waits the `Retry-After` seconds and sends again (nothing of a refused request ran).
 */
export function createSeedClient(options: SeedClientOptions): SeedClient {
  const tokens = new Map<string, Promise<string>>();
  let requests = 0;
  const tokenOf = (caller: SeedCaller) => {
    const key = `${caller.role}:${caller.sub}`;
    if (!tokens.has(key)) tokens.set(key, options.token(caller));
    return tokens.get(key)!;
  };

  async function request<D>(
    caller: SeedCaller,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<D> {
    for (;;) {
      requests += 1;
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await tokenOf(caller)}`,
        },
        body: JSON.stringify({ query, variables }),
      }).catch((error: Error) => {
        throw new Error(
          `No answer from the gateway at ${options.url} (${error.message}): is the platform running?`,
        );
      });
      if (response.status === 429) {
        await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000 + 100);
        continue;
      }
      const body = (await response.json()) as {
        data?: D | null;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      const [error] = body.errors ?? [];
      if (error) throw new SeedRequestError(error.message, error.extensions?.code);
      return body.data as D;
    }
  }

  async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
      try {
        return await attempt();
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await sleep(wait);
    }
  }

  return {
    request,
    eventually,
    get requests() {
      return requests;
    },
  };
}
