import http from 'node:http';
import { close, createHttpServer, listen } from '../../runtime';
import { waitFor } from '../../test-support/waitFor';
import { proxyRoute } from '../src/proxyRoute';

/** The route's own refusal: `status`, and one UNAVAILABLE error saying `message`. */
async function expectUnavailable(response: Response, status: number, message: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({
    errors: [{ message, extensions: { code: 'UNAVAILABLE' } }],
  });
}

describe('proxyRoute', () => {
  let upstream: http.Server;
  let gateway: http.Server;
  let base: string;
  let handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;

  beforeEach(async () => {
    upstream = http.createServer((req, res) => handle(req, res));
    const upstreamPort = await listen(upstream, 0, '127.0.0.1');
    const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
    // Calls that should succeed get time to spare on a busy machine; only `/stalled`, where
    // the upstream never finishes, runs on short limits.
    gateway = createHttpServer({
      routes: {
        '/export': proxyRoute(upstreamUrl, { timeoutMs: 30_000, idleTimeoutMs: 30_000 }),
        '/stalled': proxyRoute(upstreamUrl, { timeoutMs: 300, idleTimeoutMs: 300 }),
        '/auth/*': proxyRoute(upstreamUrl, { timeoutMs: 30_000 }),
      },
    });
    base = `http://127.0.0.1:${await listen(gateway, 0, '127.0.0.1')}`;
  });
  afterEach(async () => {
    upstream.closeAllConnections();
    gateway.closeAllConnections();
    await Promise.all([close(upstream), close(gateway)]);
  });

  it('streams the answer through, with the headers that describe it', async () => {
    handle = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'x-internal': 'no' });
      res.write('id,logType\n');
      res.end(`1,${req.headers.authorization}\n`);
    };
    const response = await fetch(`${base}/export?format=csv`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(response.headers.get('x-internal')).toBeNull();
    expect(await response.text()).toBe('id,logType\n1,Bearer t\n');
  });

  it("passes on the audit export's download headers, nosniff among them", async () => {
    handle = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="audit-log.csv"',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end('seq\r\n');
    };
    const response = await fetch(`${base}/export?format=csv`);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-disposition': 'attachment; filename="audit-log.csv"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(await response.text()).toBe('seq\r\n');
  });

  it('forwards a POST under a prefix with its body and cookie, and returns the cookies set', async () => {
    handle = (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.setHeader('set-cookie', ['a=1; HttpOnly', 'b=2; Path=/auth']);
        res.writeHead(201, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(
          JSON.stringify({ method: req.method, url: req.url, cookie: req.headers.cookie, body }),
        );
      });
    };
    const response = await fetch(`${base}/auth/invitations/abc/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'hr_refresh=x' },
      body: JSON.stringify({ password: 'p' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2; Path=/auth']);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      method: 'POST',
      url: '/auth/invitations/abc/accept',
      cookie: 'hr_refresh=x',
      body: '{"password":"p"}',
    });
  });

  it('answers 504 with a JSON error when the upstream never answers, and drops the call', async () => {
    let upstreamClosed = false;
    handle = (req) => req.socket.once('close', () => (upstreamClosed = true));
    const response = await fetch(`${base}/stalled`);
    await expectUnavailable(response, 504, 'No answer within 300 ms; try again later.');
    await waitFor(async () => (upstreamClosed ? true : undefined));
  });

  it('cuts the answer off when the upstream stalls mid-stream', async () => {
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('id,logType\n');
    };
    const response = await fetch(`${base}/stalled`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('id,logType\n');
    // Incomplete, never a hang and never an answer that looks whole: the connection is cut
    // under the client (undici says `terminated`), not ended cleanly.
    await expect(reader.read()).rejects.toMatchObject({
      message: 'terminated',
      cause: { code: 'UND_ERR_SOCKET', message: 'other side closed' },
    });
  });

  it('answers 503 with a JSON error when the upstream is down', async () => {
    upstream.closeAllConnections();
    await close(upstream);
    const response = await fetch(`${base}/export`);
    await expectUnavailable(response, 503, 'The service behind this route is unavailable.');
  });
});
