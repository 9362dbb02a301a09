import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContextFactory } from '../../context/createContextFactory';
import type { GatewayContext } from '../../context/GatewayContext';
import type { SubscriptionEngine, SubscriptionRequest } from '../engine/SubscriptionEngine';
import { readSseRequest, SseRequestError, type SseRequest } from './readSseRequest';
import { refuseContext, sendErrors } from './sendErrors';
import { streamResults, type OpenStreams } from './streamResults';

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

/** The request, or undefined once a request it cannot read has been answered. */
function readOrRefuse(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
): Promise<SseRequest | undefined> {
  return readSseRequest(req, maxBodyBytes).catch((error: unknown) => {
    if (!(error instanceof SseRequestError)) throw error;
    sendErrors(res, [{ message: error.message, extensions: { code: error.code } }], error.status);
    return undefined;
  });
}

/** The subscription a request asks for; a reconnecting EventSource resumes from `Last-Event-ID`. */
function subscriptionOf(
  req: IncomingMessage,
  res: ServerResponse,
  body: SseRequest,
  context: GatewayContext,
): SubscriptionRequest {
  const lastEventId = req.headers['last-event-id'];
  const cursor = typeof lastEventId === 'string' ? lastEventId : body.extensions?.cursor;
  return {
    query: body.query,
    variables: body.variables as SubscriptionRequest['variables'],
    operationName: body.operationName,
    cursor,
    context,
    onOverflow: () => res.destroy(),
  };
}

/**
 * Subscriptions over server-sent events (GraphQL over SSE, distinct connections): one
 * subscription per request, each result an `event: next` with its cursor as the event
 * `id`, so a reconnecting EventSource resumes with `Last-Event-ID`.
 */
export function createSseHandler(options: SseHandlerOptions): SseHandler {
  const { engine } = options;
  const open: OpenStreams = new Map();
  const streaming = {
    open,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    maxBufferedBytes: engine.limits.maxBufferedBytes,
  };

  async function start(req: IncomingMessage, res: ServerResponse, context: GatewayContext) {
    const body = await readOrRefuse(req, res, options.maxBodyBytes);
    if (!body) return;
    const outcome = await engine.subscribe(subscriptionOf(req, res, body, context));
    if ('errors' in outcome) return sendErrors(res, outcome.errors);
    return streamResults(res, context, outcome.results, streaming);
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
        return refuseContext(res, error);
      }
      await start(req, res, context);
    },
    close() {
      for (const end of open.values()) end();
    },
  };
}
