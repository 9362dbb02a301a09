import type { LocalIssuer } from '../../runtime';
import { contractOperation } from '../contractOperation';

export type Role = 'HR' | 'FINANCE' | 'ADMIN' | 'MANAGER' | 'EMPLOYEE';

/** What a call ended as: its data, done without data (an answer that says so), or refused. */
export type Outcome = { data: any } | { done: true } | { refused: string };

export interface CallOptions {
  /** Error codes that mean an earlier attempt already did it (e.g. CONFLICT on a decision). */
  doneOn?: string[];
  /** Error codes worth another attempt besides the passing ones (e.g. NOT_FOUND while a copy arrives). */
  retryOn?: string[];
  /** Attempts before the call counts as refused (default 240, about four minutes). */
  attempts?: number;
}

/** Calls the gateways in turn with tokens from the served parts' issuer, retrying what failed. */
export interface GatewayClient {
  call(
    operation: string,
    variables: object,
    role: Role,
    sub: string,
    options?: CallOptions,
  ): Promise<Outcome>;
  /** Calls made, retries and refusals so far. */
  readonly stats: {
    calls: number;
    retries: number;
    refused: number;
    lastRetry?: string;
    lastRefusal?: string;
  };
}

/** What a fault causes and passes: a subgraph or database away, an answer lost. */
const PASSING = ['UNAVAILABLE', 'INTERNAL', 'NONE', 'INTERNAL_SERVER_ERROR'];

const TOKEN_REFRESH_MS = 10 * 60_000;

export function createGatewayClient(issuer: LocalIssuer, urls: () => string[]): GatewayClient {
  const tokens = new Map<string, { token: string; at: number }>();
  const stats: GatewayClient['stats'] = { calls: 0, retries: 0, refused: 0 };
  let turn = 0;

  async function token(role: Role, sub: string): Promise<string> {
    const cached = tokens.get(`${role}|${sub}`);
    if (cached && Date.now() - cached.at < TOKEN_REFRESH_MS) return cached.token;
    const fresh = await issuer.issue({ role, sub });
    tokens.set(`${role}|${sub}`, { token: fresh, at: Date.now() });
    return fresh;
  }

  async function post(query: string, variables: object, bearer: string) {
    const all = urls();
    const url = all[turn++ % all.length];
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    return (await response.json()) as {
      data?: any;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  return {
    stats,
    async call(operation, variables, role, sub, options = {}) {
      const query = contractOperation(operation);
      const attempts = options.attempts ?? 240;
      stats.calls += 1;
      let last = '';
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) {
          stats.retries += 1;
          stats.lastRetry = last;
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * attempt)));
        }
        try {
          const body = await post(query, variables, await token(role, sub));
          if (!body.errors?.length && body.data) return { data: body.data };
          const code = body.errors?.[0]?.extensions?.code ?? 'NONE';
          if (options.doneOn?.includes(code)) return { done: true };
          last = `${operation}: ${code} ${body.errors?.[0]?.message ?? ''}`;
          if (!PASSING.includes(code) && !options.retryOn?.includes(code)) break;
        } catch (error) {
          last = `${operation}: ${(error as Error).message}`;
        }
      }
      stats.refused += 1;
      stats.lastRefusal = last;
      return { refused: last };
    },
  };
}
