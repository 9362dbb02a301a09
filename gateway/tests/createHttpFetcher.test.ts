import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { waitFor } from '../../test-support/waitFor';
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

  it('reads headers as fetch does: any case, repeated ones joined, none changed', async () => {
    handle = (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end('{"data":{}}');
    };
    fetcher = createHttpFetcher();
    const { headers } = await post();
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('set-cookie')).toBe('a=1, b=2');
    expect(headers.get('x-absent')).toBeNull();
    expect(headers.has('content-type')).toBe(true);
    expect([...headers].map(([name]) => name)).toEqual(
      expect.arrayContaining(['content-type', 'set-cookie']),
    );
    expect(() => headers.set('x-mine', '1')).toThrow(TypeError);
  });

  it('marks a failure on a kept-alive socket the server had closed as not sent, without retrying', async () => {
    handle = (req, res, nth) => {
      if (nth > 1) return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{}}');
    };
    fetcher = createHttpFetcher();
    await post();
    // The policy retries reads; the fetcher only says that nothing reached the server.
    await expect(post()).rejects.toMatchObject({ notSent: true });
    expect(connections).toBe(1);
  });

  it('does not mark a fresh connection that fails as not sent', async () => {
    handle = (req) => req.socket.destroy();
    fetcher = createHttpFetcher();
    await expect(post()).rejects.toMatchObject({ message: 'socket hang up', notSent: false });
    expect(connections).toBe(1);
  });

  it('marks a refused connection as not sent', async () => {
    fetcher = createHttpFetcher();
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED', notSent: true });
  });

  it('stops and closes the connection when its deadline passes', async () => {
    let closedByClient: Promise<void> | undefined;
    handle = (req) => {
      closedByClient = new Promise((resolve) => req.socket.once('close', () => resolve()));
    };
    fetcher = createHttpFetcher();
    let expire = () => {};
    const deadline = {
      expired: false,
      onExpired(stop: () => void) {
        expire = () => {
          deadline.expired = true;
          stop();
        };
      },
    };
    const pending = fetcher(url, { method: 'POST', body: '{}' }, deadline);
    await waitFor(async () => (closedByClient ? true : undefined));
    expire();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', notSent: false });
    await closedByClient;
  });
});
