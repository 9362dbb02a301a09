import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws/client';
import type { SessionStore } from '../auth/sessionStore';
import type { SocketStatus } from './socketStatus';

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
  const ws = createClient({
    url: wsUrl,
    lazy: true,
    // Read at every (re)connection: the gateway closes a socket whose token has expired.
    connectionParams: () => ({ authorization: `Bearer ${session.token() ?? ''}` }),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    on: {
      connected: () => socket.set('up'),
      closed: () => socket.set('down'),
      error: () => socket.set('down'),
    },
  });
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    http,
  );
  return {
    client: new ApolloClient({ link, cache: new InMemoryCache() }),
    /** Closes the socket (on sign-out). */
    closeSocket: () => ws.terminate(),
  };
}
