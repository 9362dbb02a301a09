import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebPlatform, launchBrowser, type WebPlatform } from '../../test-support/browser';

let platform: WebPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  platform = await createWebPlatform();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

describe('the web app served by the platform', () => {
  it('loads at / and shows a sign-in page with no serious or critical accessibility violation', async () => {
    await page.goto(`${platform.origin}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail').waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
  });

  it("answers an app route with the app, which the app's router then shows", async () => {
    await page.goto(`${platform.origin}/reset`);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
  });

  it('caches hashed assets for a year and index.html not at all', async () => {
    const index = await fetch(`${platform.origin}/`, { headers: { accept: 'text/html' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${platform.origin}${script}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('still answers API clients as before: JSON 404 for unknown paths, no file outside the app', async () => {
    const unknown = await fetch(`${platform.origin}/no-such-thing`, {
      headers: { accept: 'application/json' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const outside = await fetch(`${platform.origin}/..%2f..%2fpackage.json`);
    expect(outside.status).toBe(404);
  });
});

describe('GraphiQL at GET /graphql', () => {
  it('opens in a browser, with its editor bundled in the page (no CDN)', async () => {
    await page.goto(`${platform.origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.title()).toContain('GraphiQL');
    const scripts = await page
      .locator('script[src]')
      .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { src: string }).src));
    expect(scripts.filter((src) => !src.startsWith(platform.origin))).toEqual([]);
  });

  it('leaves GraphQL requests as they were: POSTs work, a GET without HTML keeps its CSRF refusal', async () => {
    const answer = await platform.graphql('{ __typename }');
    expect(answer.data).toEqual({ __typename: 'Query' });
    const get = await fetch(`${platform.url}?query=%7B__typename%7D`);
    expect(get.status).toBe(400);
  });
});
