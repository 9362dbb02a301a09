import http from 'node:http';
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

/** POSTs `body` over `agent`; resolves with the answer's text whatever its status. */
function post(agent: http.Agent, url: URL, body: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

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
    const text = await post(agent, url, JSON.stringify({ query, variables }), token);
    const body = JSON.parse(text) as { data: Data; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}
