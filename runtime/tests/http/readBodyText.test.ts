import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBodyText } from '../../src/http/readBodyText';

/** A server that answers with what `readBodyText` gave it, or 413 and the error's message. */
async function serve(limit: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    readBodyText(req, limit, () => new Error(`over ${limit}`)).then(
      (text) => res.end(`read:${text}`),
      (error: Error) => res.writeHead(413).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Posts `body` in chunks, without a Content-Length, so the size is only known by reading. */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST' }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('readBodyText', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (server = await serve(10)));
  afterAll(() => server.close());

  it('reads a body up to the limit', async () => {
    await expect(postChunked(server.url, ['12345', '67890'])).resolves.toEqual({
      status: 200,
      text: 'read:1234567890',
    });
  });

  it('refuses a body that grows past the limit, and still answers', async () => {
    await expect(
      postChunked(server.url, ['12345', '67890', '1', 'x'.repeat(5000)]),
    ).resolves.toEqual({ status: 413, text: 'over 10' });
  });

  it('refuses at once when Content-Length is over the limit', async () => {
    const res = await fetch(server.url, { method: 'POST', body: 'x'.repeat(11) });
    expect(res.status).toBe(413);
    expect(await res.text()).toBe('over 10');
  });
});
