import crypto from 'node:crypto';
import type http from 'node:http';
import { parse } from 'graphql';
import { createLocalIssuer, createTokenVerifier, type LocalIssuer } from '../src/auth';
import { createCipher } from '../src/cipher';
import { close, listen } from '../src/http/createHttpServer';
import { createLogger } from '../src/logger';
import { createSubgraphRuntime, type SubgraphRuntime } from '../src/subgraph/createSubgraphRuntime';
import { defineSubgraph, type SubgraphContext } from '../src/subgraph/SubgraphModule';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { createGatewayKeys } from '../../test-support/gatewayKeys';

const ISSUER = 'hr-platform-test';

// A subgraph served over HTTP, as `npm run serve -- <name>` serves one: it
// answers the gateway only, and is as strict as the gateway.
describe('a subgraph served over HTTP', () => {
  let db: TestDatabase;
  let issuer: LocalIssuer;
  let runtime: SubgraphRuntime;
  let server: http.Server;
  let base: string;
  let resolved = 0;
  const gateway = createGatewayKeys();

  const ping = defineSubgraph({
    name: 'ping',
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Query { ping: String, ids: [String!]! }
    `),
    resolvers: {
      Query: {
        ping: () => {
          resolved += 1;
          return 'pong';
        },
        ids: (_: unknown, __: unknown, ctx: SubgraphContext) => [ctx.requestId, ctx.correlationId],
      },
    },
    entities: [],
    routes: {
      '/ping/export': async (_req, res, ctx) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`export for ${ctx.identity.subject}`);
      },
    },
    publicRoutes: {
      '/ping/open/*': async (req, res, ctx) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`open ${req.url} ${ctx.requestId ? 'with' : 'without'} a request id`);
      },
    },
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    issuer = createLocalIssuer({ dataDir: db.dataDir, issuer: ISSUER, audience: ISSUER });
    runtime = createSubgraphRuntime(ping, {
      target: db.target('ping'),
      verifier: createTokenVerifier({
        issuer: ISSUER,
        audience: ISSUER,
        algorithms: ['ES256'],
        jwks: issuer.jwks(),
      }),
      cipher: createCipher(crypto.randomBytes(32)),
      logger: createLogger({ level: 'silent' }),
      // As outside production: /metrics on the public listener, where the assertion must not guard it.
      metricsEndpoint: { open: true },
    });
    await runtime.start();
    server = runtime.createHttpServer({ gatewayAssertions: gateway.verifier });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await close(server);
    await runtime.stop();
    await db.drop();
  });

  const bearer = async (role: 'HR' | 'ADMIN' = 'HR') =>
    `Bearer ${await issuer.issue({ role, sub: 'e1' })}`;

  /** A GraphQL POST with the gateway's assertion and an HR token, unless told otherwise. */
  const post = async (body: unknown, headers: Record<string, string | undefined> = {}) => {
    const all: Record<string, string | undefined> = {
      'content-type': 'application/json',
      authorization: await bearer(),
      ...(await gateway.headers()),
      ...headers,
    };
    const sent = Object.fromEntries(
      Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: sent,
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: any; errors?: any[] };
    return { status: response.status, headers: response.headers, ...json };
  };

  it("answers the gateway's calls", async () => {
    const reply = await post({ query: '{ ping }' });
    expect(reply.status).toBe(200);
    expect(reply.data).toEqual({ ping: 'pong' });
  });

  describe('refuses with 403 FORBIDDEN, before running anything, a caller that is not the gateway', () => {
    const other = createGatewayKeys();
    it.each<[string, () => Promise<string | undefined>]>([
      ['without an assertion', async () => undefined],
      ['with a forged assertion (another key)', () => other.signer.current()],
      ['with a user token as the assertion', () => issuer.issue({ role: 'ADMIN' })],
    ])('%s, even with a valid token', async (_name, assertion) => {
      const before = resolved;
      const reply = await post(
        { query: '{ ping }' },
        { 'x-gateway-assertion': await assertion(), authorization: await bearer('ADMIN') },
      );
      expect(reply.status).toBe(403);
      expect(reply.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(reply.data ?? null).toBeNull();
      expect(resolved).toBe(before);
    });

    it('for a module route too', async () => {
      const refused = await fetch(`${base}/ping/export`, {
        headers: { authorization: await bearer('ADMIN') },
      });
      expect(refused.status).toBe(403);
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');

      const served = await fetch(`${base}/ping/export`, {
        headers: { authorization: await bearer('ADMIN'), ...(await gateway.headers()) },
      });
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('export for e1');
    });

    it('for a public route, which needs no bearer token but still the assertion', async () => {
      const refused = await fetch(`${base}/ping/open/x`);
      expect(refused.status).toBe(403);
      const served = await fetch(`${base}/ping/open/a/b`, { headers: await gateway.headers() });
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('open /ping/open/a/b with a request id');
    });

    it('for `_service { sdl }`, which answers the gateway (and in-process calls) only', async () => {
      const refused = await post(
        { query: '{ _service { sdl } }' },
        { 'x-gateway-assertion': undefined, authorization: await bearer('ADMIN') },
      );
      expect(refused.status).toBe(403);
      expect(refused.data ?? null).toBeNull();

      const answered = await post({ query: '{ _service { sdl } }' });
      expect(answered.data._service.sdl).toContain('ping: String');
      const inProcess = await runtime.execute(
        { query: '{ _service { sdl } }' },
        { authorization: await bearer() },
      );
      expect(inProcess.data).toMatchObject({ _service: { sdl: expect.stringContaining('ping') } });
    });
  });

  describe("applies the gateway's operation limits, before running anything", () => {
    it.each<[string, string, string]>([
      [
        'too many aliases',
        `{ ${Array.from({ length: 31 }, (_, i) => `p${i}: ping`).join(' ')} }`,
        'maxAliases',
      ],
      [
        'too many directives',
        `{ ${Array.from({ length: 9 }, (_, i) => `p${i}: ping @include(if: true)`).join(' ')} }`,
        'maxDirectives',
      ],
    ])('%s: 400 BAD_USER_INPUT naming the limit', async (_name, query, limit) => {
      const before = resolved;
      const reply = await post({ query });
      expect(reply.status).toBe(400);
      expect(reply.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
      expect(resolved).toBe(before);
    });

    it('an operation that cannot be resolved: 400, nothing run', async () => {
      const before = resolved;
      const reply = await post({
        query: 'query A { a: ping } query B { b: ping }',
        operationName: '',
      });
      expect(reply.status).toBe(400);
      expect(reply.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(resolved).toBe(before);
    });

    it('introspection only for ADMIN and PARTNER tokens outside development', async () => {
      const refused = await post({ query: '{ __schema { queryType { name } } }' });
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const answered = await post(
        { query: '{ __schema { queryType { name } } }' },
        { authorization: await bearer('ADMIN') },
      );
      expect(answered.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });

  it('leaves its health checks and metrics open', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      expect((await fetch(`${base}${path}`)).status).toBe(200);
    }
  });

  it('answers a missing or bad token from the gateway with 401, not 500', async () => {
    for (const authorization of [undefined, 'Bearer abc.def.ghi', 'Basic dXNlcjpwYXNz']) {
      const reply = await post({ query: '{ ping }' }, { authorization });
      expect(reply.status).toBe(401);
      expect(reply.headers.get('www-authenticate')).toBe('Bearer');
      expect(reply.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives no field suggestions', async () => {
    const reply = await post({ query: '{ pin }' });
    expect(reply.status).toBe(400);
    expect(reply.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(reply.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses batched requests', async () => {
    const reply = await post([{ query: '{ ping }' }, { query: '{ ping }' }]);
    expect(reply.status).toBe(400);
    expect(reply.data ?? null).toBeNull();
  });

  it('refuses a request a browser could send cross-site (CSRF prevention)', async () => {
    const before = resolved;
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ ping }')}`, {
      headers: { authorization: await bearer(), ...(await gateway.headers()) },
    });
    expect(response.status).toBe(400);
    expect(resolved).toBe(before);
  });

  it('serves no landing page', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
  });

  it('keeps plain request and correlation ids and replaces the others, as the gateway does', async () => {
    const kept = await post(
      { query: '{ ids }' },
      { 'x-request-id': 'req-1.a:b', 'x-correlation-id': 'corr_2' },
    );
    expect(kept.data.ids).toEqual(['req-1.a:b', 'corr_2']);

    const replaced = await post(
      { query: '{ ids }' },
      { 'x-request-id': 'x'.repeat(129), 'x-correlation-id': '<script>alert(1)</script>' },
    );
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(replaced.data.ids).toEqual([expect.stringMatching(uuid), expect.stringMatching(uuid)]);
  });
});
