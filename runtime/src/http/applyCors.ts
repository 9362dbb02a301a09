import type http from 'node:http';
import cors from 'cors';

/** The request headers a browser client of the gateway sends. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'graphql-require-preflight',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'x-correlation-id',
  'traceparent',
  'last-event-id',
];

/** The response headers a browser client may read. */
export const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'x-correlation-id',
  'retry-after',
  'ratelimit',
  'ratelimit-policy',
];

export interface CorsOptions {
  /** Exact origins allowed to call, e.g. `https://hr.example.org`; none when empty. */
  origins: readonly string[];
  /** How long a browser may keep a preflight's answer (default 10 minutes). */
  maxAgeSeconds?: number;
}

/**
 * Answers CORS on a node:http server, ahead of every handler it already has (GraphQL,
 * server-sent events, plain routes): an origin on the allowlist gets itself back in
 * `Access-Control-Allow-Origin` and its preflight answered; any other origin gets no
 * CORS header at all, so a browser keeps its page from reading the answer. Every answer
 * varies by `Origin`, so a cache never hands one origin's answer to another.
 */
export function applyCors(server: http.Server, options: CorsOptions): void {
  const allowed = new Set(options.origins);
  const middleware = cors({
    origin: (origin, callback) => callback(null, origin && allowed.has(origin) ? origin : false),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: options.maxAgeSeconds ?? 600,
  });
  const handlers = server.listeners('request') as http.RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('vary', 'Origin');
    middleware(req, res, () => {
      if (isPreflight(req)) {
        // An origin not on the list: refused here, before anything else reads the request.
        res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
        res.end(
          JSON.stringify({
            errors: [{ message: 'This origin may not call.', extensions: { code: 'FORBIDDEN' } }],
          }),
        );
        return;
      }
      for (const handler of handlers) handler.call(server, req, res);
    });
  });
}

const isPreflight = (req: http.IncomingMessage) =>
  req.method === 'OPTIONS' &&
  req.headers.origin !== undefined &&
  req.headers['access-control-request-method'] !== undefined;
