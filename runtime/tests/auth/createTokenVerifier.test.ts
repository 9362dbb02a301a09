import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, UnsecuredJWT, importJWK, type JWK } from 'jose';
import { createLocalIssuer, createTokenVerifier, type LocalIssuer } from '../../src/auth';
import { DomainError } from '../../src/errors';

const ISSUER = 'hr-platform';
const AUDIENCE = 'hr-api';

describe('createTokenVerifier', () => {
  let dataDir: string;
  let issuer: LocalIssuer;
  let privateJwk: JWK;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verifier-test-'));
    issuer = createLocalIssuer({ dataDir, issuer: ISSUER, audience: AUDIENCE });
    privateJwk = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'issuer', 'private.jwk.json'), 'utf8'),
    ) as JWK;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const verifier = () =>
    createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['ES256'],
      jwks: issuer.jwks(),
    });

  const sign = async (
    claims: Record<string, unknown>,
    edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  ) =>
    edit(
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: issuer.kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m'),
    ).sign(await importJWK(privateJwk, 'ES256'));

  const refusal = async (header: string | undefined) => {
    const error = await verifier()
      .verify(header)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it('refuses a token it verified before once that token has expired', async () => {
    const shared = verifier();
    const token = await issuer.issue({ role: 'EMPLOYEE', sub: 'e7', ttlSeconds: 60 });
    await expect(shared.verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'e7' });
    // Only the clock moves on; timers and promises run as usual.
    jest.useFakeTimers({
      now: Date.now() + 120_000,
      doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
    });
    try {
      await expect(shared.verify(`Bearer ${token}`)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/expired/),
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('turns a valid token into an identity', async () => {
    const token = await issuer.issue({ role: 'MANAGER', sub: 'e42' });
    const identity = await verifier().verify(`Bearer ${token}`);
    expect(identity).toEqual({
      subject: 'e42',
      role: 'MANAGER',
      employeeId: 'e42',
      scopes: [],
      token,
      expiresAt: expect.any(Number),
    });
  });

  it('gives a service principal no employee id, and keeps scopes', async () => {
    const token = await issuer.issue({ role: 'SYSTEM', scopes: ['imports:write'] });
    const identity = await verifier().verify(`bearer ${token}`);
    expect(identity).toMatchObject({
      subject: 'service:system',
      employeeId: null,
      scopes: ['imports:write'],
    });
  });

  it('reads OAuth-style space-separated scopes', async () => {
    const token = await sign({ role: 'PARTNER', scope: 'employees:read leave:read' }, (j) =>
      j.setSubject('partner-1'),
    );
    const identity = await verifier().verify(`Bearer ${token}`);
    expect(identity.scopes).toEqual(['employees:read', 'leave:read']);
  });

  const refused: [string, () => Promise<string | undefined>, RegExp][] = [
    ['a missing header', async () => undefined, /required/],
    ['an empty header', async () => '', /required/],
    ['a Basic header', async () => 'Basic dXNlcjpwYXNz', /Bearer/],
    ['a malformed token', async () => 'Bearer abc.def', /Bearer/],
    ['garbage in JWT form', async () => 'Bearer abc.def.ghi', /not valid/],
    [
      'an expired token',
      async () =>
        `Bearer ${await sign({ role: 'HR' }, (j) => j.setSubject('e1').setExpirationTime(Math.floor(Date.now() / 1000) - 60))}`,
      /expired/,
    ],
    [
      'a token from another issuer',
      async () =>
        `Bearer ${await sign({ role: 'HR' }, (j) => j.setSubject('e1').setIssuer('evil'))}`,
      /not valid/,
    ],
    [
      'a token for another audience',
      async () =>
        `Bearer ${await sign({ role: 'HR' }, (j) => j.setSubject('e1').setAudience('other'))}`,
      /not valid/,
    ],
    [
      'a token signed by another key',
      async () => {
        const other = fs.mkdtempSync(path.join(dataDir, 'other-'));
        const foreign = createLocalIssuer({ dataDir: other, issuer: ISSUER, audience: AUDIENCE });
        return `Bearer ${await foreign.issue({ role: 'ADMIN' })}`;
      },
      /not valid/,
    ],
    [
      'a token signed by another key under our kid',
      async () => {
        const other = fs.mkdtempSync(path.join(dataDir, 'other-'));
        createLocalIssuer({ dataDir: other, issuer: ISSUER, audience: AUDIENCE });
        const jwk = JSON.parse(
          fs.readFileSync(path.join(other, 'issuer', 'private.jwk.json'), 'utf8'),
        ) as JWK;
        const token = await new SignJWT({ role: 'ADMIN' })
          .setProtectedHeader({ alg: 'ES256', kid: issuer.kid })
          .setSubject('service:admin')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(await importJWK(jwk, 'ES256'));
        return `Bearer ${token}`;
      },
      /not valid/,
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        `Bearer ${new UnsecuredJWT({ role: 'ADMIN' }).setSubject('service:admin').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').encode()}`,
      /not valid/,
    ],
    [
      'a token with an algorithm that is not pinned (HS256 with the public key as secret)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(issuer.jwks().keys[0]));
        const token = await new SignJWT({ role: 'ADMIN' })
          .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
          .setSubject('service:admin')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(secret);
        return `Bearer ${token}`;
      },
      /not valid/,
    ],
    [
      'a token with an unknown role',
      async () => `Bearer ${await sign({ role: 'ROOT' }, (j) => j.setSubject('e1'))}`,
      /role/,
    ],
    [
      'a token without a role',
      async () => `Bearer ${await sign({}, (j) => j.setSubject('e1'))}`,
      /role/,
    ],
    ['a token without a subject', async () => `Bearer ${await sign({ role: 'HR' })}`, /not valid/],
    [
      'a token without an expiry',
      async () => {
        const token = await new SignJWT({ role: 'HR' })
          .setProtectedHeader({ alg: 'ES256', kid: issuer.kid })
          .setSubject('e1')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .sign(await importJWK(privateJwk, 'ES256'));
        return `Bearer ${token}`;
      },
      /not valid/,
    ],
  ];

  it.each(refused)('refuses %s as UNAUTHENTICATED', async (_name, header, message) => {
    const error = await refusal(await header());
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(message);
  });

  it('refuses to pin none or shared-secret algorithms', () => {
    const base = { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [] } };
    expect(() => createTokenVerifier({ ...base, algorithms: ['none'] })).toThrow(/none/);
    expect(() => createTokenVerifier({ ...base, algorithms: ['ES256', 'HS256'] })).toThrow(/HS256/);
    expect(() => createTokenVerifier({ ...base, algorithms: [] })).toThrow(/pinned/);
  });

  describe('with a remote JWKS', () => {
    let server: http.Server;
    let jwksUrl: string;
    let fetches = 0;

    beforeAll(async () => {
      server = http.createServer((_req, res) => {
        fetches++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(issuer.jwks()));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches the keys once and caches them', async () => {
      const remote = createTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
        jwksUrl,
      });
      for (const role of ['HR', 'FINANCE', 'AUDITOR'] as const) {
        const token = await issuer.issue({ role, sub: 'e1' });
        await expect(remote.verify(`Bearer ${token}`)).resolves.toMatchObject({ role });
      }
      expect(fetches).toBe(1);
    });

    it('reports an unreachable key endpoint as UNAVAILABLE, not as a bad token', async () => {
      const remote = createTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
        jwksUrl: 'http://127.0.0.1:9/jwks.json',
      });
      const token = await issuer.issue({ role: 'HR', sub: 'e1' });
      await expect(remote.verify(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    });
  });
});
