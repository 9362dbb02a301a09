import http from 'node:http';
import https from 'node:https';
import { urlToHttpOptions } from 'node:url';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Deadline } from './Deadline';
import { ResponseHeaders } from './ResponseHeaders';

/** The fetch signature `RemoteGraphQLDataSource` calls. */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherInit = NonNullable<Parameters<Fetcher>[1]>;

export interface HttpFetcherOptions {
  /** Open connections per subgraph host (default 256); idle ones are kept alive. */
  maxSockets?: number;
}

/** A URL, and the request options it makes, parsed once. */
interface Target {
  url: URL;
  options: http.RequestOptions;
}

/** Failures before the request was sent: no connection was made. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A failed fetch; `notSent` when nothing reached the server, so a read may be sent again. */
export type FetchError = Error & { notSent?: boolean };

/** A fetch that, when `deadline` passes, aborts the request and closes its connection. */
export type DeadlineFetcher = (
  url: string,
  init?: FetcherInit,
  deadline?: Deadline,
) => Promise<FetcherResponse>;

export interface HttpFetcher extends DeadlineFetcher {
  /** Closes the kept-alive connections. */
  destroy(): void;
}

/**
 * A minimal fetch over node:http with keep-alive agents. Subgraph calls are
 * small JSON POSTs on a hot path: this skips the caching layers of the default
 * fetcher and the stream machinery of WHATWG fetch, and reuses connections.
 * It neither retries nor times out on its own: the subgraph policy decides
 * both, ending a call through its deadline.
 */
export function createHttpFetcher(options: HttpFetcherOptions = {}): HttpFetcher {
  // An idle socket is closed after `timeout`, or earlier when the subgraph announces a
  // shorter `Keep-Alive: timeout`, so it is rarely reused just as the server drops it.
  const agentOptions = { keepAlive: true, timeout: 30_000, maxSockets: options.maxSockets ?? 256 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  // A gateway calls a handful of URLs: each is parsed once, not on every call.
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { url: parsed, options: urlToHttpOptions(parsed) };
      if (targets.size < 1_000) targets.set(url, target);
    }
    return target;
  };

  function fetcher(
    url: string,
    init: FetcherInit = {},
    deadline?: Deadline,
  ): Promise<FetcherResponse> {
    const { url: target, options: address } = targetOf(url);
    const agent = agents[target.protocol as keyof typeof agents];
    if (!agent) return Promise.reject(new TypeError(`Unsupported protocol in ${url}`));
    if (deadline?.expired) return Promise.reject(aborted(target));
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers: Record<string, string | number> = { ...init.headers };
    if (body) headers['content-length'] = body.length;
    const request = target.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const options = { ...address, method: init.method ?? 'GET', headers, agent };
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          const { statusCode = 0, statusMessage = '' } = res;
          // A small answer comes in one chunk: no copy is needed to hold it whole.
          const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          const headers = new ResponseHeaders(res.headers);
          resolve(new BufferedResponse(url, statusCode, statusMessage, headers, body));
        });
      });
      deadline?.onExpired(() => req.destroy(aborted(target)));
      function fail(error: FetchError) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        // ECONNRESET on a reused socket is the documented race of keep-alive: the server
        // closed the idle socket just as it was reused, so nothing reached it.
        error.notSent = NOT_SENT.has(code) || (code === 'ECONNRESET' && req.reusedSocket);
        reject(error);
      }
      req.on('error', fail);
      req.end(body);
    });
  }

  return Object.assign(fetcher, {
    destroy() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}

function aborted(target: URL): Error {
  return Object.assign(new Error(`The call to ${target.origin} was aborted.`), {
    name: 'AbortError',
  });
}

/** A fully read response; enough of WHATWG Response for `RemoteGraphQLDataSource`. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: FetcherResponse['headers'],
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const { buffer, byteOffset, byteLength } = this.body;
    return buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
  }

  clone(): BufferedResponse {
    const { url, status, statusText, headers, body } = this;
    return new BufferedResponse(url, status, statusText, headers, body);
  }
}
