import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seriousViolations } from './roleSession';
import { pagePerTest, webSuite } from './support/webSuite';

const web = webSuite();
const tab = pagePerTest(web);

describe('the web app served by the platform', () => {
  it('loads at / and shows a sign-in page with no serious or critical accessibility violation', async () => {
    const { page } = tab;
    await page.goto(`${web.platform.origin}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("answers an app route with the app, which the app's router then shows", async () => {
    const { page } = tab;
    await page.goto(`${web.platform.origin}/reset`);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
  });

  it('caches hashed assets for a year and index.html not at all', async () => {
    const index = await fetch(`${web.platform.origin}/`, { headers: { accept: 'text/html' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${web.platform.origin}${script}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('cannot be framed by a page of another origin (clickjacking)', async () => {
    const { page } = tab;
    // A decoy on another port (another origin, still on this machine) framing a page of the app.
    const target = `${web.platform.origin}/approvals`;
    const decoy = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Decoy</title><iframe src="${target}"></iframe>`);
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    try {
      const outcome = new Promise<string>((resolve) => {
        page.on('requestfailed', (request) => {
          if (request.url() === target) resolve(request.failure()?.errorText ?? 'failed');
        });
        page.on('requestfinished', (request) => {
          if (request.url() === target) resolve('shown in the frame');
        });
      });
      await page.goto(`http://127.0.0.1:${(decoy.address() as AddressInfo).port}/`);
      expect(await outcome).toBe('net::ERR_BLOCKED_BY_RESPONSE');
      // Chromium puts its own error page in the frame, never the app.
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
      expect(frame.url()).not.toContain(web.platform.origin);
      expect(await frame.getByRole('heading').count()).toBe(0);
    } finally {
      await new Promise((resolve) => decoy.close(resolve));
    }
  });

  it('still answers API clients as before: JSON 404 for unknown paths, no file outside the app', async () => {
    const unknown = await fetch(`${web.platform.origin}/no-such-thing`, {
      headers: { accept: 'application/json' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const outside = await fetch(`${web.platform.origin}/..%2f..%2fpackage.json`);
    expect(outside.status).toBe(404);
  });
});

describe('GraphiQL at GET /graphql', () => {
  it('opens in a browser, with its editor bundled in the page (no CDN)', async () => {
    const { page } = tab;
    await page.goto(`${web.platform.origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.title()).toContain('GraphiQL');
    const scripts = await page
      .locator('script[src]')
      .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { src: string }).src));
    expect(scripts.filter((src) => !src.startsWith(web.platform.origin))).toEqual([]);
  });

  it('leaves GraphQL requests as they were: POSTs work, a GET without HTML keeps its CSRF refusal', async () => {
    const answer = await web.platform.graphql('{ __typename }');
    expect(answer.data).toEqual({ __typename: 'Query' });
    const get = await fetch(`${web.platform.url}?query=%7B__typename%7D`);
    expect(get.status).toBe(400);
  });
});
