import type http from 'node:http';
import net from 'node:net';
import pino from 'pino';
import { HttpError, createHttpServer, listen } from '../../src/http/createHttpServer';
import { readBodyText } from '../../src/http/readBodyText';

/** A server whose `/echo` answers with the body it read, and which keeps its log lines. */
async function serve() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const server = createHttpServer({
    routes: {
      '/echo': async (req, res) => {
        res.end(
          `read:${await readBodyText(req, 1000, () => new HttpError(413, 'Too large.', 'BAD_USER_INPUT'))}`,
        );
      },
    },
    accessLog: { logger, service: 'test' },
    requestTimeoutMs: 200,
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { server, port, faults: () => lines.filter((l) => l.msg === 'unexpected error') };
}

/**
 * Writes `first` to a new connection (and `then.send`, `then.idleMs` after the server has sent
 * `then.after`), and gives everything the server sent once it closes the connection.
 */
function exchange(
  port: number,
  first: string,
  then?: { after: string; idleMs: number; send: string },
) {
  return new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(first));
    let received = '';
    let sent = false;
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (then && !sent && received.includes(then.after)) {
        sent = true;
        setTimeout(() => socket.write(then.send), then.idleMs);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

describe('requests Node refuses before a handler sees them', () => {
  let served: Awaited<ReturnType<typeof serve>>;
  let server: http.Server;
  beforeAll(async () => {
    served = await serve();
    server = served.server;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a body that stops coming 408, with a code, and closes the connection', async () => {
    const raw = await exchange(
      served.port,
      'POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly part',
    );
    expect(statusOf(raw)).toBe(408);
    expect(bodyOf(raw)).toEqual({
      errors: [
        {
          message: 'The request did not arrive in time; send it again.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(served.faults()).toEqual([]);
  });

  it('answers headers that stop coming 408', async () => {
    const raw = await exchange(served.port, 'GET /health/live HTTP/1.1\r\nHost: a\r\n');
    expect(statusOf(raw)).toBe(408);
  });

  it('answers what is not HTTP 400, and headers past the limit 431, with a code', async () => {
    const garbage = await exchange(served.port, 'GARBAGE\r\n\r\n');
    expect(statusOf(garbage)).toBe(400);
    expect(bodyOf(garbage).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const huge = await exchange(
      served.port,
      `GET /health/live HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(statusOf(huge)).toBe(431);
    expect(bodyOf(huge).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('writes nothing more into an answer already sent when the body then stops coming', async () => {
    // Over the limit by Content-Length: refused at once, while the body is still awaited.
    const raw = await exchange(
      served.port,
      'POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\nx',
    );
    expect(statusOf(raw)).toBe(413);
    expect(raw.match(/HTTP\/1\.1/g)).toHaveLength(1);
  });

  it('counts no idle time between requests on a kept-alive connection', async () => {
    // Idle for twice requestTimeout after the first answer, then a second request.
    const raw = await exchange(served.port, 'GET /health/live HTTP/1.1\r\nHost: a\r\n\r\n', {
      after: '{"status":"live"}',
      idleMs: 400,
      send: 'GET /health/live HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n',
    });
    expect(raw.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
  });
});
