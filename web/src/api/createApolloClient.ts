import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws/client';
import type { SessionStore } from '../auth/sessionStore';
import { ResumingWsLink } from './ResumingWsLink';
import type { SocketStatus } from './socketStatus';

/** How often the socket is pinged, and how long a pong may take before it is given up. */
const PING_EVERY_MS = 10_000;
const PONG_WITHIN_MS = 5_000;

/** The wait before reconnection attempt `retries`: doubling to 5 s, spread by up to 1 s. */
const retryWait = (retries: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.min(1_000 * 2 ** retries, 5_000) + Math.random() * 1_000),
  );

/** The gateway's CSRF check wants this header on every request a browser makes. */
const PREFLIGHT = { 'graphql-require-preflight': '1' };

/**
 * fetch with the session's bearer token. A 401 refreshes the token once and retries; when the
 * refresh cookie is no good either, the request waits for the person to sign in again (the
 * dialog over the page), then goes, so a form sent at that moment is not lost.
 */
function authorisedFetch(session: SessionStore): typeof fetch {
  const send = (input: RequestInfo | URL, init: RequestInit | undefined) => {
    const headers = new Headers(init?.headers);
    const token = session.token();
    if (token) headers.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(PREFLIGHT)) headers.set(name, value);
    return fetch(input, { ...init, headers });
  };
  return async (input, init) => {
    const first = await send(input, init);
    if (first.status !== 401) return first;
    if (!(await session.refresh())) {
      session.expire();
      await session.whenSignedIn();
    }
    return send(input, init);
  };
}

export function createApolloClient(session: SessionStore, socket: SocketStatus) {
  const http = new HttpLink({ uri: '/graphql', fetch: authorisedFetch(session) });
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  // A connection that died without a close (a lost network) is noticed by its missing pong.
  let pongDue: ReturnType<typeof setTimeout> | undefined;
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    // Read at every (re)connection: the gateway closes a socket whose token has expired.
    connectionParams: () => ({ authorization: `Bearer ${session.token() ?? ''}` }),
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait,
    shouldRetry: () => true,
    keepAlive: PING_EVERY_MS,
    on: {
      connected: () => socket.set('up'),
      closed: () => {
        clearTimeout(pongDue);
        socket.set('down');
      },
      error: () => socket.set('down'),
      ping: (received) => {
        if (!received) pongDue = setTimeout(() => ws.terminate(), PONG_WITHIN_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongDue);
      },
    },
  });
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new ResumingWsLink(ws),
    http,
  );
  return {
    client: new ApolloClient({ link, cache: new InMemoryCache() }),
    /** Closes the socket (on sign-out). */
    closeSocket: () => ws.terminate(),
  };
}
