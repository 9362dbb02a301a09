import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixture, type Fixture } from './support/twoSubgraphs';

// The site's pages, through the real gateway: no other site may frame them (clickjacking), and
// none sends a Referer, since a page's path may hold a token (/invite/<token>, /reset/<token>).
describe('the static site: headers of its pages', () => {
  let fx: Fixture;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-site-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>App</title>');
    fs.writeFileSync(path.join(dir, 'graphiql.html'), '<!doctype html><title>GraphiQL</title>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log(1);');
    fx = await startFixture('in-process', { site: { dir, graphqlPage: 'graphiql.html' } });
  });
  afterAll(async () => {
    await fx?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const page = (pathname: string, init: RequestInit = {}) =>
    fetch(`${fx.base}${pathname}`, {
      ...init,
      headers: { accept: 'text/html', ...(init.headers as Record<string, string>) },
    });

  const expectPageHeaders = (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toBe(
      "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it.each([
    ['the index', '/'],
    ['index.html by name', '/index.html'],
    ['a deep app route', '/approvals/requests/42'],
    ['an invitation, whose path holds a token', '/invite/secret-token'],
    ['a password reset, whose path holds a token', '/reset/secret-token'],
    ['GraphiQL at the GraphQL path', '/graphql'],
  ])('sends them on %s (%s)', async (_name, pathname) => {
    const response = await page(pathname);
    expectPageHeaders(response);
    expect(await response.text()).toContain(pathname === '/graphql' ? 'GraphiQL' : '<title>App');
  });

  it('sends them gzipped and on HEAD too', async () => {
    expectPageHeaders(await page('/approvals', { headers: { 'accept-encoding': 'gzip' } }));
    expectPageHeaders(await page('/reset/secret-token', { method: 'HEAD' }));
  });

  it('leaves a hashed asset cached for a year, and GraphQL answers without them', async () => {
    const asset = await fetch(`${fx.base}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const token = await fx.token('EMPLOYEE', 'u1');
    const answer = await fx.post({ query: '{ __typename }' }, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-frame-options')).toBeNull();
  });
});
