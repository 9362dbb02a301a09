import http from 'node:http';
import { httpPost } from './httpPost';
import type { PlatformProcess } from './startPlatformProcess';

/** The mutations used here answer one object of string fields, e.g. `createEmployee { id }`. */
export type Data = Record<string, Record<string, string>>;

export type Call = (
  query: string,
  variables: Record<string, unknown>,
  token: string,
) => Promise<Data>;

/** Keep-alive connections a {@link graphqlCall} opens at most, unless told otherwise. */
export const DEFAULT_CONNECTIONS = 64;

/**
 * Posts operations to the platform's gateway with a bearer token; throws on GraphQL errors.
 * The calls share at most `connections` keep-alive connections, as a proxy or a partner's
 * HTTP client would; a call beyond them waits for one, and that wait counts in its time. A
 * new connection per call would measure the gateway accepting connections instead: a busy
 * Node.js process accepts about one per turn of its event loop.
 */
export function graphqlCall(platform: PlatformProcess, connections = DEFAULT_CONNECTIONS): Call {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(platform.url);
  return async (query, variables, token) => {
    const { text } = await httpPost(agent, url, JSON.stringify({ query, variables }), {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    const body = JSON.parse(text) as { data: Data; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/**
 * Opens `connections` keep-alive connections of `call`'s pool before a load, as a proxy or a
 * partner's client holds its connections open: `{ __typename }` on each at once. Opened during
 * a burst instead, they would wait to be accepted by a process busy compiling its code (a
 * busy Node.js process accepts about one connection per turn of its event loop), and the
 * requests on the last ones answer seconds late whatever the platform's speed.
 */
export async function openConnections(call: Call, connections: number, token: string) {
  await Promise.all(Array.from({ length: connections }, () => call('{ __typename }', {}, token)));
}
