import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Attributes } from '@opentelemetry/api';
import { createHttpAccessLog, shareAccessFacts } from '../logging/createHttpAccessLog';
import type { AccessLogOptions } from '../logging/writeAccessLine';
import { inRequestSpan } from '../traceContext';
import { answerClientError } from './answerClientError';
import { readBodyText } from './readBodyText';

/** A plain route beside GraphQL, e.g. `/health/live` or a streamed export. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface GraphQLEndpoint<C extends BaseContext> {
  /** Path GraphQL is served on, default `/graphql`. */
  path?: string;
  server: ApolloServer<C>;
  /** Builds the per-request context; a thrown error becomes the HTTP response (see `toHttpError`). */
  context: (req: IncomingMessage, headers: HeaderMap) => Promise<C>;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Attributes of each request's span, e.g. which service answered. */
  spanAttributes?: Attributes;
}

export interface HttpServerOptions<C extends BaseContext> {
  graphql?: GraphQLEndpoint<C>;
  /**
   * Routes matched before GraphQL: exact paths, or prefixes ending in `/*` (`/auth/*`
   * answers `/auth/login`); an exact path wins over a prefix, a longer prefix over a shorter.
   */
  routes?: Record<string, RouteHandler>;
  /** Readiness check for `/health/ready`; `/health/live` always answers while the process runs. */
  ready?: () => Promise<boolean | Readiness>;
  /** One access line per request, and the errors the server did not expect, go here. */
  accessLog?: AccessLogOptions;
  /**
   * Tried before GraphQL on its path (e.g. an IDE page for a browser's GET) and before the
   * 404 elsewhere (e.g. a built web app); answers true when it has answered.
   */
  pages?: {
    graphql?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
    other?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  };
  /**
   * Longest time a client may take to send one whole request, headers and body (default
   * 60 s: a 1 MiB body at 17 KB/s). Past it the request is answered 408 and its connection
   * closed, so a client sending a byte now and then cannot hold connections for long.
   */
  requestTimeoutMs?: number;
}

/** A readiness answer with details for the body, e.g. which dependencies are down. */
export interface Readiness {
  ready: boolean;
  details?: Record<string, unknown>;
}

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return readBodyText(
    req,
    limit,
    () => new HttpError(413, `Request body is larger than ${limit} bytes.`, 'BAD_USER_INPUT'),
  );
}

export function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, {
    errors: [{ message: error.message, extensions: { code: error.code } }],
  });
}

async function parseBody(
  req: IncomingMessage,
  headers: HeaderMap,
  limit: number,
): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, limit);
  if (!(headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', 'BAD_USER_INPUT');
  }
}

/** Gives a string's UTF-8 bytes; see `encodeOnce`. */
type Encoder = (text: string) => Buffer;

/**
 * An encoder that keeps the last answer's bytes: requests that joined one run (the gateway's
 * shared queries) end with the same string, so they send one Buffer instead of a copy each,
 * which was most of what a large shared answer allocated per request. Given the string, Node
 * would measure it for Content-Length and encode it again on each write.
 */
export function encodeOnce(): Encoder {
  let lastText: string | undefined;
  let lastBytes = Buffer.alloc(0);
  return (text) => {
    if (text !== lastText) {
      lastBytes = Buffer.from(text);
      lastText = text;
    }
    return lastBytes;
  };
}

async function serveGraphQL<C extends BaseContext>(
  endpoint: GraphQLEndpoint<C>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  encode: Encoder,
): Promise<void> {
  const headers = toHeaderMap(req);
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: url.search,
    body: await parseBody(req, headers, endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY),
  };
  // The GraphQL plugin knows the operation and the caller: it fills in this request's line.
  shareAccessFacts(req, httpGraphQLRequest);
  await inRequestSpan(headers.get('traceparent'), endpoint.spanAttributes ?? {}, async () => {
    const response = await endpoint.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => endpoint.context(req, headers),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(encode(response.body.string));
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  });
}

/** The route for `pathname`: its exact path, else the longest `/*` prefix that holds it. */
export function findRoute(
  routes: Record<string, RouteHandler>,
  pathname: string,
): RouteHandler | undefined {
  const exact = routes[pathname];
  if (exact) return exact;
  let best: string | undefined;
  for (const key of Object.keys(routes)) {
    if (!key.endsWith('/*')) continue;
    const prefix = key.slice(0, -1);
    if (pathname.startsWith(prefix) && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : routes[best];
}

/**
 * A node:http server for an Apollo Server plus plain routes and health checks.
 * Both the gateway and every subgraph server are built on it, so they share one
 * way of reading bodies, limiting size and reporting HTTP-level errors.
 */
export function createHttpServer<C extends BaseContext>(
  options: HttpServerOptions<C>,
): http.Server {
  const graphqlPath = options.graphql?.path ?? '/graphql';
  const routes: Record<string, RouteHandler> = {
    '/health/live': (_req, res) => sendJson(res, 200, { status: 'live' }),
    '/health/ready': async (_req, res) => {
      const answer = options.ready ? await options.ready().catch(() => false) : true;
      const { ready, details } = typeof answer === 'boolean' ? { ready: answer } : answer;
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...details });
    },
    ...options.routes,
  };
  const accessLog = options.accessLog && createHttpAccessLog(options.accessLog);
  const encode = encodeOnce();
  // The last request of each connection and its answer, so a late refusal of a request
  // never writes into an answer already begun (a 413 sent while the body still comes).
  const last = new WeakMap<object, { req: IncomingMessage; res: ServerResponse }>();
  const answerBegun = (socket: object) => {
    const { req, res } = last.get(socket) ?? {};
    return !!res?.headersSent && !(res.writableFinished && req?.complete);
  };
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout,
      // Node looks for requests past their time every 30 s unless told otherwise.
      connectionsCheckingInterval: Math.min(5_000, Math.max(50, requestTimeout / 4)),
    },
    async (req, res) => {
      accessLog?.track(req, res);
      last.set(req.socket, { req, res });
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const route = findRoute(routes, url.pathname);
        if (route) return await route(req, res);
        if (options.graphql && url.pathname === graphqlPath) {
          if (await options.pages?.graphql?.(req, res)) return;
          return await serveGraphQL(options.graphql, req, res, url, encode);
        }
        if (await options.pages?.other?.(req, res)) return;
        sendError(res, new HttpError(404, 'Not found.', 'NOT_FOUND'));
      } catch (error) {
        // A client that went away mid-request is no fault of the server's.
        const gone = req.destroyed && (error as { code?: string }).code === 'ECONNRESET';
        if (!(error instanceof HttpError) && !gone) accessLog?.fault(req, error);
        if (res.headersSent || gone) return void res.destroy();
        sendError(
          res,
          error instanceof HttpError ? error : new HttpError(500, 'Internal error.', 'INTERNAL'),
        );
      }
    },
  );
  server.on('clientError', (error: Error, socket) =>
    answerClientError(error, socket, answerBegun(socket)),
  );
  // Keep-alive longer than typical load balancer idle timeouts avoids resets on reuse.
  server.keepAliveTimeout = 65_000;
  return server;
}

/**
 * The accept queue asked of the kernel (which caps it at net.core.somaxconn). A busy Node.js
 * process accepts about one connection per turn of its event loop; behind Node's default of
 * 511, a burst of new connections (a shift clocking off at once) has its SYNs dropped, and
 * each client waits out a retransmission of a second or more, or gives up.
 */
export const LISTEN_BACKLOG = 4096;

/** Listens and resolves with the bound port (useful with port 0 in tests). */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeIdleConnections?.();
    server.close(() => resolve());
  });
}
