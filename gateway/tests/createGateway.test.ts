import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SignJWT, UnsecuredJWT, importJWK, type JWK } from 'jose';
import { getIntrospectionQuery } from 'graphql';
import { captureLog } from './support/captureLog';
import { createLocalIssuer } from '../../runtime';
import { waitFor } from '../../test-support/waitFor';
import { startFixture, type Fixture, type Mode } from './support/twoSubgraphs';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The body of the answer to `{ users { id } }` asked as the employee u1, with `headers`. */
async function usersAsEmployee(fx: Fixture, headers: Record<string, string> = {}): Promise<Body> {
  const token = await fx.token('EMPLOYEE', 'u1');
  const authorization = `Bearer ${token}`;
  const response = await fx.post({ query: '{ users { id } }' }, { authorization, ...headers });
  return (await response.json()) as Body;
}

const CROSSING = '{ users { id name reviews { body author { name } } } }';

describe.each<Mode>(['in-process', 'http'])('gateway with %s subgraphs', (mode) => {
  let fx: Fixture;
  let employee: string;

  beforeAll(async () => {
    fx = await startFixture(mode);
    employee = await fx.token('EMPLOYEE', 'u1');
  });
  afterAll(() => fx.stop());
  beforeEach(() => {
    fx.calls.length = 0;
  });

  const ask = async (query: string, token: string | null = employee, extra = {}) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response = await fx.post({ query, ...extra }, headers);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Body,
    };
  };

  it('resolves a query that crosses both subgraphs', async () => {
    const { status, body } = await ask(CROSSING);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      users: [
        {
          id: 'u1',
          name: 'Ada',
          reviews: [
            { body: 'Good', author: { name: 'Ada' } },
            { body: 'Fine', author: { name: 'Ada' } },
          ],
        },
        { id: 'u2', name: 'Grace', reviews: [{ body: 'Great', author: { name: 'Grace' } }] },
      ],
    });
    expect(new Set(fx.calls.map((c) => c.subgraph))).toEqual(new Set(['users', 'reviews']));
  });

  describe('refuses a request without a valid token before any subgraph is called', () => {
    const signWith = async (
      jwk: JWK,
      claims: Record<string, unknown>,
      { audience = 'test-api', expires = '1h' as string | number } = {},
    ) =>
      new SignJWT({ role: 'EMPLOYEE', ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
        .setSubject('u1')
        .setIssuer('test-issuer')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(await importJWK(jwk, 'ES256'));
    const ownKey = () =>
      JSON.parse(
        fs.readFileSync(path.join(fx.dataDir, 'issuer', 'private.jwk.json'), 'utf8'),
      ) as JWK;

    const cases: [string, () => Promise<string | null>][] = [
      ['no token', async () => null],
      [
        'an expired token',
        async () => signWith(ownKey(), {}, { expires: Math.floor(Date.now() / 1000) - 60 }),
      ],
      [
        'a token signed by another key',
        async () => {
          const other = fs.mkdtempSync(path.join(fx.dataDir, 'other-'));
          return createLocalIssuer({
            dataDir: other,
            issuer: 'test-issuer',
            audience: 'test-api',
          }).issue({
            role: 'ADMIN',
          });
        },
      ],
      [
        'an unsigned token (alg none)',
        async () =>
          new UnsecuredJWT({ role: 'ADMIN' })
            .setSubject('u1')
            .setIssuer('test-issuer')
            .setAudience('test-api')
            .setExpirationTime('1h')
            .encode(),
      ],
      [
        'a token for another audience',
        async () => signWith(ownKey(), {}, { audience: 'another-api' }),
      ],
      ['a token with an unknown role', async () => signWith(ownKey(), { role: 'ROOT' })],
      ['a malformed token', async () => 'not-a-jwt'],
    ];

    it.each(cases)('%s', async (_name, makeToken) => {
      const { status, headers, body } = await ask(CROSSING, await makeToken());
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer');
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(fx.calls).toEqual([]);
    });

    it('a Basic authorization header', async () => {
      const response = await fx.post({ query: CROSSING }, { authorization: 'Basic dTpw' });
      expect(response.status).toBe(401);
      expect(fx.calls).toEqual([]);
    });
  });

  describe('introspection', () => {
    it('is refused for an EMPLOYEE', async () => {
      const { status, body } = await ask(getIntrospectionQuery());
      expect(status).toBe(403);
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(body.errors?.[0].message).toMatch(/introspection/i);
    });

    it('is refused for an EMPLOYEE even through an alias in a fragment', async () => {
      const { body } = await ask(
        'query { ...F } fragment F on Query { t: __type(name: "User") { name } }',
      );
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it.each([
      ['ADMIN', undefined],
      ['PARTNER', 'partner-1'],
    ])('is allowed for %s', async (role, sub) => {
      const { status, body } = await ask(getIntrospectionQuery(), await fx.token(role, sub));
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const schema = (body.data as { __schema: { types: { name: string }[] } }).__schema;
      expect(schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['User', 'Review']));
      expect(fx.calls).toEqual([]);
    });

    it('leaves __typename to everyone', async () => {
      const { body } = await ask('{ __typename }');
      expect(body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('limits, checked before any subgraph is called', () => {
    const expectRefused = async (query: string, limit: RegExp, extra = {}) => {
      const { status, body } = await ask(query, employee, extra);
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0].message).toMatch(limit);
      expect(fx.calls).toEqual([]);
    };

    it('refuses an operation deeper than maxDepth', async () => {
      let selection = 'name';
      for (let i = 0; i < 6; i++) selection = `reviews { author { ${selection} } }`;
      await expectRefused(
        `{ users { ${selection} } }`,
        /depth is 14, above the limit of 12 \(maxDepth\)/,
      );
    });

    it('refuses more aliases than maxAliases', async () => {
      const aliased = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
      await expectRefused(
        `{ ${aliased} }`,
        /number of aliases is 31, above the limit of 30 \(maxAliases\)/,
      );
    });

    it('refuses an operation costlier than maxCost', async () => {
      // users(10) > reviews(10) > author > reviews(10) > author > reviews(10) > ...
      const query =
        '{ users { reviews { author { reviews { author { reviews { author { reviews { body } } } } } } } } }';
      await expectRefused(query, /cost is \d+, above the limit of 20000 \(maxCost\)/);
    });

    it('refuses a document with more than maxTokens tokens', async () => {
      const fields = Array.from({ length: 5000 }, () => '__typename').join(' ');
      await expectRefused(`{ ${fields} }`, /more than 5000 tokens, the limit \(maxTokens\)/);
    });

    it('refuses a body larger than maxBodyBytes with 413', async () => {
      const response = await fx.post(
        { query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } },
        { authorization: `Bearer ${employee}` },
      );
      expect(response.status).toBe(413);
      const body = (await response.json()) as Body;
      expect(body.errors?.[0]).toEqual({
        message: 'Request body is larger than 1048576 bytes.',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(fx.calls).toEqual([]);
    });

    it('refuses batched requests', async () => {
      const response = await fx.post([{ query: '{ __typename }' }, { query: '{ __typename }' }], {
        authorization: `Bearer ${employee}`,
      });
      expect(response.status).toBe(400);
      expect(fx.calls).toEqual([]);
    });

    it('refuses a request a browser could send cross-site (CSRF prevention)', async () => {
      const response = await fetch(`${fx.url}?query=${encodeURIComponent('{ users { id } }')}`, {
        headers: { authorization: `Bearer ${employee}` },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
      expect(fx.calls).toEqual([]);
    });

    it('gives no field suggestions', async () => {
      const { body } = await ask('{ user { id } }');
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0].message).not.toMatch(/did you mean/i);
    });
  });

  describe('errors', () => {
    it('masks an unexpected subgraph error as INTERNAL, without its SQL', async () => {
      const response = await fx.post(
        { query: '{ broken }' },
        { authorization: `Bearer ${employee}` },
      );
      const text = await response.text();
      expect(text).not.toMatch(/insert|salary|duplicate|stack/i);
      const body = JSON.parse(text) as Body;
      expect(body.data).toEqual({ broken: null });
      expect(body.errors).toEqual([
        { message: 'Internal error.', path: ['broken'], extensions: { code: 'INTERNAL' } },
      ]);
      expect(fx.calls.map((c) => c.subgraph)).toEqual(['users']);
    });

    it('passes a domain error through with its code and field', async () => {
      const { body } = await ask('mutation { addReview(input: { body: "meh" }) { id } }');
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({
        message: 'A review needs a body of at least 10 characters.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.body' },
      });
      expect(JSON.stringify(body)).not.toMatch(/stack/);
    });
  });

  describe('request ids and headers', () => {
    it('forwards the token and the client ids to every subgraph and returns them', async () => {
      const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      const response = await fx.post(
        { query: CROSSING },
        {
          authorization: `Bearer ${employee}`,
          'x-request-id': 'req-123',
          'x-correlation-id': 'corr-456',
          traceparent,
        },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('req-123');
      expect(response.headers.get('x-correlation-id')).toBe('corr-456');
      expect(fx.calls.length).toBeGreaterThanOrEqual(2);
      for (const call of fx.calls) {
        expect(call.headers).toMatchObject({
          authorization: `Bearer ${employee}`,
          'x-request-id': 'req-123',
          'x-correlation-id': 'corr-456',
          traceparent,
        });
      }
    });

    it('creates one correlation id per request when the client sends none', async () => {
      const response = await fx.post({ query: CROSSING }, { authorization: `Bearer ${employee}` });
      const correlationId = response.headers.get('x-correlation-id');
      expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(fx.calls.map((c) => c.headers['x-correlation-id']))).toEqual(
        new Set([correlationId]),
      );
      const second = await fx.post(
        { query: '{ __typename }' },
        { authorization: `Bearer ${employee}` },
      );
      expect(second.headers.get('x-correlation-id')).not.toBe(correlationId);
    });

    it('replaces ids that are not plain tokens', async () => {
      const response = await fx.post(
        { query: '{ users { id } }' },
        { authorization: `Bearer ${employee}`, 'x-request-id': 'bad id\twith spaces' },
      );
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(fx.calls[0].headers['x-request-id']).toBe(response.headers.get('x-request-id'));
    });
  });

  describe('operations endpoints', () => {
    it('answers health checks', async () => {
      expect((await fetch(`${fx.base}/health/live`)).status).toBe(200);
      const ready = await fetch(`${fx.base}/health/ready`);
      expect(ready.status).toBe(200);
      const up = { reachable: true, circuit: 'closed', required: true };
      expect(await ready.json()).toEqual({
        status: 'ready',
        unreachable: [],
        subgraphs: { users: up, reviews: up },
      });
    });

    it('exposes Prometheus metrics by operation name and error code', async () => {
      await ask('query Directory { users { id } }');
      await ask('{ users { id } }', null);
      const text = await (await fetch(`${fx.base}/metrics`)).text();
      expect(text).toMatch(
        /gateway_graphql_request_duration_seconds_count\{operation="Directory"\} \d+/,
      );
      expect(text).toMatch(/gateway_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
      expect(text).toMatch(
        /gateway_subgraph_request_duration_seconds_count\{subgraph="users",outcome="ok"\} \d+/,
      );
      expect(text).toMatch(/process_cpu_seconds_total/);
    });
  });
});

describe('gateway options', () => {
  it('reports not ready while the ready option says so', async () => {
    const fx = await startFixture('in-process', { ready: async () => false });
    try {
      const response = await fetch(`${fx.base}/health/ready`);
      expect(response.status).toBe(503);
    } finally {
      await fx.stop();
    }
  });

  it('opens introspection to everyone when configured', async () => {
    const fx = await startFixture('in-process', { introspection: 'open' });
    try {
      const token = await fx.token('EMPLOYEE', 'u1');
      const response = await fx.post(
        { query: '{ __schema { queryType { name } } }' },
        {
          authorization: `Bearer ${token}`,
        },
      );
      expect(await response.json()).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });
    } finally {
      await fx.stop();
    }
  });

  it('serves without tokens when auth is off, still forwarding what the client sent', async () => {
    const fx = await startFixture('in-process', { auth: 'off', verifier: undefined });
    try {
      const response = await fx.post(
        { query: '{ users { name } }' },
        { 'x-correlation-id': 'c-1' },
      );
      expect(await response.json()).toEqual({
        data: { users: [{ name: 'Ada' }, { name: 'Grace' }] },
      });
      expect(fx.calls[0].headers).toMatchObject({ 'x-correlation-id': 'c-1' });
      expect(fx.calls[0].headers.authorization).toBeUndefined();
    } finally {
      await fx.stop();
    }
  });

  it('serves extra routes', async () => {
    const fx = await startFixture('in-process', {
      routes: {
        '/.well-known/jwks.json': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ keys: [] }));
        },
      },
    });
    try {
      expect(await (await fetch(`${fx.base}/.well-known/jwks.json`)).json()).toEqual({ keys: [] });
    } finally {
      await fx.stop();
    }
  });

  it('reports an unreachable subgraph as UNAVAILABLE', async () => {
    const fx = await startFixture('in-process', {
      subgraphs: { users: { url: 'http://127.0.0.1:9/graphql' } },
    });
    try {
      const body = await usersAsEmployee(fx);
      expect(body.errors?.[0]).toMatchObject({
        message: 'The users subgraph could not be reached.',
        extensions: { code: 'UNAVAILABLE' },
      });
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await fx.stop();
    }
  });

  it("logs one access line per request, leaving a subgraph's fault to the subgraph", async () => {
    const { lines, logger } = captureLog();
    const fx = await startFixture('http', { logger });
    try {
      const token = await fx.token('EMPLOYEE', 'u1');
      await fx.post(
        { query: 'query Broken { broken }', variables: { note: 'secret-note' } },
        { authorization: `Bearer ${token}`, 'x-request-id': 'req-9', 'x-correlation-id': 'corr-9' },
      );
      const access = await waitFor(async () => lines.find((line) => line.msg === 'access'));
      expect(access).toMatchObject({
        service: 'gateway',
        operation: 'Broken',
        operationType: 'query',
        requestId: 'req-9',
        correlationId: 'corr-9',
        userId: 'u1',
        status: 200,
        errors: ['INTERNAL'],
        duration_ms: expect.any(Number),
      });
      expect(lines.filter((line) => line.msg === 'access')).toHaveLength(1);
      // The subgraph that failed logs its own fault; the gateway does not log it again.
      expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(JSON.stringify(lines)).not.toMatch(/secret-note|Bearer|duplicate key/);
    } finally {
      await fx.stop();
    }
  });

  it('logs its own unexpected fault once, with the stack and the request id', async () => {
    const { lines, logger } = captureLog();
    const fx = await startFixture('in-process', {
      logger,
      subgraphs: {
        users: {
          execute: async () => {
            throw new TypeError('a bug in the data source');
          },
        },
      },
    });
    try {
      const body = await usersAsEmployee(fx, { 'x-request-id': 'req-bug' });
      expect(body.errors).toEqual([
        { message: 'Internal error.', extensions: { code: 'INTERNAL' } },
      ]);
      const faults = lines.filter((line) => line.level >= 50);
      expect(faults).toEqual([
        expect.objectContaining({
          msg: 'unexpected error',
          requestId: 'req-bug',
          err: expect.objectContaining({
            type: 'TypeError',
            stack: expect.stringMatching(/a bug in the data source\n\s+at /),
          }),
        }),
      ]);
    } finally {
      await fx.stop();
    }
  });

  it("runs an operation in process on a caller's behalf, with the same checks", async () => {
    const fx = await startFixture('in-process');
    try {
      const token = await fx.token('EMPLOYEE', 'u1');
      const contextValue = await fx.gateway.createContext({ authorization: `Bearer ${token}` });
      expect(contextValue.identity).toMatchObject({ subject: 'u1', role: 'EMPLOYEE' });
      const response = await fx.gateway.apollo.executeOperation(
        { query: '{ users { name } }' },
        { contextValue },
      );
      expect(response.body).toMatchObject({
        singleResult: { data: { users: [{ name: 'Ada' }, { name: 'Grace' }] } },
      });
      expect(fx.calls[0].headers.authorization).toBe(`Bearer ${token}`);
      const introspection = await fx.gateway.apollo.executeOperation(
        { query: '{ __schema { queryType { name } } }' },
        { contextValue },
      );
      expect(introspection.body).toMatchObject({
        singleResult: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
      });
      await expect(
        fx.gateway.createContext({ authorization: 'Bearer x.y.z' }),
      ).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      await fx.stop();
    }
  });

  it.each([
    [
      401,
      'application/json',
      '{"errors":[{"message":"The token was rejected.","extensions":{"code":"UNAUTHENTICATED","stacktrace":["x"]}}]}',
      { message: 'The token was rejected.', extensions: { code: 'UNAUTHENTICATED' } },
    ],
    [
      503,
      'text/html',
      '<h1>Service Unavailable</h1>',
      {
        message: 'The users subgraph answered HTTP 503.',
        path: ['users'],
        extensions: { code: 'UNAVAILABLE', subgraph: 'users' },
      },
    ],
    [
      500,
      'text/plain',
      'ERROR: relation "users" does not exist',
      { message: 'Internal error.', extensions: { code: 'INTERNAL' } },
    ],
  ])('turns a subgraph answering HTTP %i into a clean error', async (status, type, text, error) => {
    const subgraph = http.createServer((_req, res) => {
      res.writeHead(status, { 'content-type': type });
      res.end(text);
    });
    await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
    const fx = await startFixture('in-process', { subgraphs: { users: { url } } });
    try {
      const body = await usersAsEmployee(fx);
      expect(body.errors).toEqual([error]);
    } finally {
      await fx.stop();
      subgraph.closeAllConnections();
      await new Promise((resolve) => subgraph.close(resolve));
    }
  });

  it('refuses to start with auth required and no verifier', async () => {
    await expect(startFixture('in-process', { verifier: undefined })).rejects.toThrow(
      /verifier is required/,
    );
  });
});
