import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription received so far. */
export interface Received {
  results: any[];
  errors: unknown[];
  /** Resolves with the error (a close event or GraphQL errors), or undefined on completion. */
  ended: Promise<unknown>;
  stop(): void;
}

/** A graphql-ws client for the gateway at `httpUrl`, signed in with `token`. */
export function connectSubscriptions(httpUrl: string, token: string | null): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Starts one subscription and collects what it receives. */
export function collect(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  extensions?: Record<string, unknown>,
): Received {
  const received: Received = { results: [], errors: [], ended: undefined!, stop: () => {} };
  received.ended = new Promise((resolve) => {
    received.stop = client.subscribe(
      { query, variables, extensions },
      {
        next: (value) => received.results.push(value),
        error: (error) => {
          received.errors.push(error);
          resolve(error);
        },
        complete: () => resolve(undefined),
      },
    );
  });
  return received;
}
