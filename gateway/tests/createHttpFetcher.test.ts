import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHttpFetcher, type HttpFetcher } from '../src';

describe('createHttpFetcher', () => {
  let server: http.Server;
  let url: string;
  let connections: number;
  let handle: (req: http.IncomingMessage, res: http.ServerResponse, nth: number) => void;
  const served = new WeakMap<Socket, number>();
  let fetcher: HttpFetcher;

  beforeEach(async () => {
    connections = 0;
    server = http.createServer((req, res) => {
      const nth = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, nth);
      handle(req, res, nth);
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterEach(async () => {
    fetcher?.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (body = '{"query":"{ a }"}') =>
    fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('posts, reads the whole answer and keeps the connection for the next call', async () => {
    handle = (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-seen': req.headers['content-type'] ?? '',
        });
        res.end(JSON.stringify({ data: { echo: body } }));
      });
    };
    fetcher = createHttpFetcher();
    const first = await post();
    expect(first.ok).toBe(true);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-seen')).toBe('application/json');
    expect(await first.json()).toEqual({ data: { echo: '{"query":"{ a }"}' } });
    expect((await post()).status).toBe(200);
    expect(connections).toBe(1);
  });

  it('retries on a new connection when a kept-alive one was closed by the server', async () => {
    handle = (req, res, nth) => {
      if (nth > 1) return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{}}');
    };
    fetcher = createHttpFetcher();
    await post();
    const second = await post();
    expect(second.status).toBe(200);
    expect(connections).toBe(2);
  });

  it('does not retry when a fresh connection fails', async () => {
    handle = (req) => req.socket.destroy();
    fetcher = createHttpFetcher();
    await expect(post()).rejects.toThrow(/socket hang up/);
    expect(connections).toBe(1);
  });

  it('gives up after its deadline', async () => {
    handle = () => undefined;
    fetcher = createHttpFetcher({ timeoutMs: 100 });
    await expect(post()).rejects.toThrow(
      /No response from http:\/\/127\.0\.0\.1:\d+ within 100 ms/,
    );
  });
});
