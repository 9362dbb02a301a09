import { Readable } from 'node:stream';
import type { GatewayAssertionSigner } from '../../runtime/src/auth';
import type { RouteHandler } from '../../runtime/src/http/createHttpServer';

const FORWARDED = ['authorization', 'x-request-id', 'x-correlation-id', 'traceparent', 'accept'];

export interface ProxyRouteOptions {
  /** The gateway's assertion, which a subgraph served over HTTP requires. */
  assertion?: GatewayAssertionSigner;
}

/**
 * Forwards a plain HTTP route (e.g. the audit export) to the subgraph that
 * serves it, streaming the answer back without buffering it.
 */
export function proxyRoute(baseUrl: string, options: ProxyRouteOptions = {}): RouteHandler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (options.assertion) headers[options.assertion.header] = await options.assertion.current();
    const upstream = await fetch(url, { method: 'GET', headers });
    res.statusCode = upstream.status;
    for (const name of ['content-type', 'content-disposition']) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!upstream.body) return void res.end();
    await new Promise<void>((resolve, reject) => {
      Readable.fromWeb(upstream.body as never)
        .on('error', reject)
        .pipe(res)
        .on('finish', resolve);
    });
  };
}
