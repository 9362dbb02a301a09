import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, HTTP_STATUS, httpStatusOf } from '../../../runtime/src/errors';
import type { ContextFactory } from '../context/createContextFactory';
import type { GatewayContext } from '../context/GatewayContext';
import type { SubscriptionEngine, SubscriptionRequest } from './createSubscriptionEngine';
import { onTokenExpiry } from './tokenExpiry';

export interface SseHandlerOptions {
  engine: SubscriptionEngine;
  createContext: ContextFactory;
  /** Largest POST body, in bytes. */
  maxBodyBytes: number;
  /** Interval of keep-alive comments, so proxies keep an idle stream open (default 15 s). */
  keepAliveMs?: number;
}

export interface SseHandler {
  /** Whether a request asks for an event stream. */
  accepts(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Ends every open stream. */
  close(): void;
}

interface SseRequest {
  query: string;
  variables?: unknown;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/** A request this handler cannot read: the client's mistake, answered with `status`. */
class SseRequestError extends Error {
  override name = 'SseRequestError';
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(
    message: string,
    readonly status = HTTP_STATUS.BAD_USER_INPUT,
  ) {
    super(message);
  }
}

function sendErrors(
  res: ServerResponse,
  errors: readonly GraphQLFormattedError[],
  status?: number,
): void {
  res.writeHead(status ?? httpStatusOf(errors[0]?.extensions?.code), {
    'content-type': 'application/json; charset=utf-8',
  });
  res.end(JSON.stringify({ errors }));
}

/**
 * Answers a request whose context could not be made: 429 with Retry-After and the
 * RateLimit headers over a rate limit, else 401.
 */
function refuse(res: ServerResponse, error: unknown): void {
  if (error instanceof GraphQLError && error.extensions.code === ErrorCode.RATE_LIMITED) {
    const { http, ...extensions } = error.extensions as { http?: { headers?: HeaderMap } };
    for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
    return sendErrors(res, [{ message: error.message, extensions }]);
  }
  res.setHeader('www-authenticate', 'Bearer');
  sendErrors(res, [
    {
      message: 'A valid bearer token is required.',
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    },
  ]);
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new SseRequestError(`Request body is larger than ${limit} bytes.`, 413);
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8') || '{}', 'The request body');
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SseRequestError(`${what} is not valid JSON.`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** The request's fields, checked as HTTP checks them; variables are left to the operation check. */
function toRequest(value: unknown): SseRequest {
  if (!isObject(value)) throw new SseRequestError('The request body must be a JSON object.');
  const { query, variables, operationName, extensions } = value;
  if (typeof query !== 'string' || query === '') {
    throw new SseRequestError('The request needs a query, as a string.');
  }
  if (operationName != null && typeof operationName !== 'string') {
    throw new SseRequestError('operationName must be a string.');
  }
  if (extensions != null && !isObject(extensions)) {
    throw new SseRequestError('extensions must be an object.');
  }
  return {
    query,
    variables,
    operationName: operationName ?? undefined,
    extensions: extensions ?? undefined,
  };
}

async function readRequest(req: IncomingMessage, limit: number): Promise<SseRequest> {
  if (req.method === 'POST') return toRequest(await readJson(req, limit));
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const param = (name: string) => {
    const text = params.get(name);
    return text ? parseJson(text, `The ${name} parameter`) : undefined;
  };
  return toRequest({
    query: params.get('query') ?? '',
    variables: param('variables'),
    operationName: params.get('operationName') ?? undefined,
    extensions: param('extensions'),
  });
}

/**
 * Subscriptions over server-sent events (GraphQL over SSE, distinct connections): one
 * subscription per request, each result an `event: next` with its cursor as the event
 * `id`, so a reconnecting EventSource resumes with `Last-Event-ID`.
 */
export function createSseHandler(options: SseHandlerOptions): SseHandler {
  const { engine } = options;
  // Each open stream, with the function that ends it.
  const open = new Map<ServerResponse, () => void>();

  async function start(req: IncomingMessage, res: ServerResponse, context: GatewayContext) {
    let body: SseRequest;
    try {
      body = await readRequest(req, options.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof SseRequestError)) throw error;
      return sendErrors(
        res,
        [{ message: error.message, extensions: { code: error.code } }],
        error.status,
      );
    }
    const lastEventId = req.headers['last-event-id'];
    const cursor = typeof lastEventId === 'string' ? lastEventId : body.extensions?.cursor;
    const outcome = await engine.subscribe({
      query: body.query,
      variables: body.variables as SubscriptionRequest['variables'],
      operationName: body.operationName,
      cursor: cursor === undefined ? null : String(cursor),
      context,
      onOverflow: () => res.destroy(),
    });
    if ('errors' in outcome) return sendErrors(res, outcome.errors);
    return stream(res, context, outcome.results);
  }

  async function stream(
    res: ServerResponse,
    context: GatewayContext,
    results: AsyncIterableIterator<{ extensions?: Record<string, unknown> }>,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const end = () => void results.return?.();
    open.set(res, end);
    const cancelExpiry = onTokenExpiry(context.identity, end);
    const keepAlive = setInterval(
      () => res.write(': keep-alive\n\n'),
      options.keepAliveMs ?? 15_000,
    );
    res.on('close', end);
    try {
      for await (const result of results) {
        const id = result.extensions?.cursor;
        res.write(
          `${id ? `id: ${String(id)}\n` : ''}event: next\ndata: ${JSON.stringify(result)}\n\n`,
        );
        // A client that does not read fills the buffer; it alone is dropped.
        if (res.writableLength > engine.limits.maxBufferedBytes) res.destroy();
      }
      if (!res.destroyed) res.end('event: complete\ndata:\n\n');
    } catch {
      if (!res.destroyed) res.end('event: complete\ndata:\n\n');
    } finally {
      open.delete(res);
      cancelExpiry();
      clearInterval(keepAlive);
    }
  }

  return {
    accepts: (req) =>
      (req.method === 'GET' || req.method === 'POST') &&
      (req.headers.accept ?? '').includes('text/event-stream'),
    async handle(req, res) {
      let context: GatewayContext;
      try {
        context = await options.createContext(
          {
            authorization: req.headers.authorization,
            'x-request-id': req.headers['x-request-id'] as string | undefined,
            'x-correlation-id': req.headers['x-correlation-id'] as string | undefined,
          },
          req,
        );
      } catch (error) {
        return refuse(res, error);
      }
      await start(req, res, context);
    },
    close() {
      for (const end of open.values()) end();
    },
  };
}
