import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ErrorCode,
  type GatewayAssertionSigner,
  HTTP_STATUS,
  HttpError,
  type RouteHandler,
  sendError,
} from '../../runtime';

const FORWARDED = [
  'authorization',
  'x-request-id',
  'x-correlation-id',
  'traceparent',
  'accept',
  // Sign-in's routes read a JSON or form body and the refresh cookie.
  'content-type',
  'content-length',
  'cookie',
];

/** Headers of the upstream's answer the client sees. */
const RETURNED = [
  'content-type',
  'content-disposition',
  'cache-control',
  'location',
  'retry-after',
  // Keeps a browser from sniffing a download (the audit export's CSV) as HTML or script.
  'x-content-type-options',
];

/** Methods whose request body is streamed on to the upstream. */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * UNAVAILABLE, with runtime's status for it; out of time, with 504 instead (a gateway
 * timeout), so the client can tell that its wait ran out.
 */
function upstreamFailed(late: boolean, timeoutMs: number): HttpError {
  return late
    ? new HttpError(
        504,
        `No answer within ${timeoutMs} ms; try again later.`,
        ErrorCode.UNAVAILABLE,
      )
    : new HttpError(
        HTTP_STATUS.UNAVAILABLE,
        'The service behind this route is unavailable.',
        ErrorCode.UNAVAILABLE,
      );
}

export interface ProxyRouteOptions {
  /** The gateway's assertion, which a subgraph served over HTTP requires. */
  assertion?: GatewayAssertionSigner;
  /** How long the upstream may take to send its headers, in ms (default 30 s); then 504. */
  timeoutMs?: number;
  /**
   * How long the upstream may stay silent while streaming, in ms (default 30 s); then
   * the answer is cut off, so the client sees it incomplete rather than waiting forever.
   */
  idleTimeoutMs?: number;
}

/**
 * Forwards a plain HTTP route (e.g. the audit export, or sign-in) to the subgraph that
 * serves it, with its method and body, streaming the answer back without buffering it. An upstream that
 * is down answers 503, one that does not answer in time 504, both with a JSON
 * error; one that stalls mid-stream has its answer cut off.
 */
export function proxyRoute(baseUrl: string, options: ProxyRouteOptions = {}): RouteHandler {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (options.assertion) headers[options.assertion.header] = await options.assertion.current();
    const upstreamCall = new AbortController();
    // A client that leaves stops the upstream call too.
    res.once('close', () => upstreamCall.abort());
    const deadline = setTimeout(() => upstreamCall.abort(), timeoutMs);
    let upstream: Response;
    try {
      const method = (req.method ?? 'GET').toUpperCase();
      const body = WITH_BODY.has(method) ? (Readable.toWeb(req) as ReadableStream) : undefined;
      upstream = await fetch(url, {
        method,
        headers,
        signal: upstreamCall.signal,
        redirect: 'manual',
        ...(body && { body, duplex: 'half' }),
      } as RequestInit);
    } catch {
      return sendError(res, upstreamFailed(upstreamCall.signal.aborted, timeoutMs));
    } finally {
      clearTimeout(deadline);
    }
    res.statusCode = upstream.status;
    for (const name of RETURNED) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    const cookies = upstream.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    if (!upstream.body) return void res.end();
    const body = Readable.fromWeb(upstream.body as never);
    const idle = setTimeout(() => upstreamCall.abort(), idleTimeoutMs);
    body.on('data', () => idle.refresh());
    // On an error (a stall, the upstream gone) the pipeline destroys the answer midway.
    await pipeline(body, res)
      .catch(() => undefined)
      .finally(() => clearTimeout(idle));
  };
}
