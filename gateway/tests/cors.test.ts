import { startFixture, type Fixture } from './support/twoSubgraphs';

// CORS from an allowlist of exact origins, answered ahead of GraphQL, with the real fetch.
describe('CORS', () => {
  let fx: Fixture;
  let token: string;
  const allowed = 'https://hr.example.org';

  beforeAll(async () => {
    fx = await startFixture('in-process', {
      cors: { origins: [allowed, 'http://localhost:5173'] },
    });
    token = await fx.token('EMPLOYEE', 'u1');
  });
  afterAll(() => fx?.stop());

  const ask = (origin: string) =>
    fx.post({ query: '{ users { id } }' }, { origin, authorization: `Bearer ${token}` });

  const preflight = (origin: string) =>
    fetch(fx.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-request-id',
      },
    });

  it('lets an allowed origin read the answer and the headers it needs', async () => {
    const response = await ask(allowed);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('vary')).toMatch(/Origin/);
    const exposed = response.headers.get('access-control-expose-headers')?.split(',') ?? [];
    expect(exposed).toEqual(
      expect.arrayContaining([
        'x-request-id',
        'x-correlation-id',
        'retry-after',
        'ratelimit',
        'ratelimit-policy',
      ]),
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives any other origin no CORS header, reflecting nothing', async () => {
    for (const origin of ['https://evil.example', 'https://hr.example.org.evil.example', 'null']) {
      const response = await ask(origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it('answers the preflight of an allowed origin with the methods and headers it may send', async () => {
    const calls = fx.calls.length;
    const response = await preflight(allowed);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual(
      expect.arrayContaining(['GET', 'POST']),
    );
    // Spelt out rather than taken from CORS_ALLOWED_HEADERS: the headers browser clients send
    // are pinned here, so a header dropped from the gateway's list fails this test.
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'graphql-require-preflight',
        'apollo-require-preflight',
        'x-apollo-operation-name',
        'x-request-id',
        'x-correlation-id',
        'traceparent',
      ]),
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(fx.calls).toHaveLength(calls);
  });

  it('refuses the preflight of any other origin, without CORS headers', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('sends no CORS headers at all without an allowlist', async () => {
    const plain = await startFixture('in-process');
    try {
      const response = await plain.post(
        { query: '{ users { id } }' },
        { origin: allowed, authorization: `Bearer ${await plain.token('EMPLOYEE', 'u1')}` },
      );
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.stop();
    }
  });
});
