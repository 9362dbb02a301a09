import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, UnsecuredJWT, importJWK, type JWK } from 'jose';
import {
  KeyFileError,
  createLocalIssuer,
  createTokenVerifier,
  writeJwksFile,
  type LocalIssuer,
} from '../../src/auth';
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

  /** A token of our issuer and audience with `claims`, its header under our kid, not signed yet. */
  const unsigned = (claims: Record<string, unknown>, alg = 'ES256') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid: issuer.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE);
  const ourKey = () => importJWK(privateJwk, 'ES256');

  /** A token issued now for five minutes, `edit` adding to it, signed with our key unless `key` is given. */
  const sign = async (
    claims: Record<string, unknown>,
    edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
    { alg = 'ES256', key }: { alg?: string; key?: Parameters<SignJWT['sign']>[0] } = {},
  ) =>
    edit(unsigned(claims, alg).setIssuedAt().setExpirationTime('5m')).sign(key ?? (await ourKey()));

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
        const key = await importJWK(jwk, 'ES256');
        return `Bearer ${await sign({ role: 'ADMIN' }, (j) => j.setSubject('service:admin'), { key })}`;
      },
      /not valid/,
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        `Bearer ${new UnsecuredJWT({ role: 'ADMIN' }).setSubject('service:admin').setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').encode()}`,
      /not valid/,
    ],
    [
      'a token with an algorithm that is not pinned (HS256 with the public key as secret)',
      async () => {
        const secret = new TextEncoder().encode(JSON.stringify(issuer.jwks().keys[0]));
        const token = await sign({ role: 'ADMIN' }, (j) => j.setSubject('service:admin'), {
          alg: 'HS256',
          key: secret,
        });
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
        const token = await unsigned({ role: 'HR' })
          .setSubject('e1')
          .setIssuedAt()
          .sign(await ourKey());
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

  describe('lifetime', () => {
    const now = () => Math.floor(Date.now() / 1000);
    /** A token issued `iat` and expiring `exp` (seconds since the epoch), both set by hand. */
    const timed = (iat: number | undefined, exp: number) =>
      sign({ role: 'HR' }, (jwt) => {
        jwt.setSubject('e1').setExpirationTime(exp);
        return iat === undefined ? jwt : jwt.setIssuedAt(iat);
      });
    const withoutIat = async (exp: number) => {
      const token = await unsigned({ role: 'HR' })
        .setSubject('e1')
        .setExpirationTime(exp)
        .sign(await ourKey());
      return token;
    };

    it("accepts the local issuer's default token under the default maximum", async () => {
      const token = await issuer.issue({ role: 'HR', sub: 'e1' });
      await expect(verifier().verify(`Bearer ${token}`)).resolves.toMatchObject({ role: 'HR' });
    });

    it('accepts a token of exactly the maximum lifetime and refuses one a second longer', async () => {
      const iat = now();
      const exactly = await timed(iat, iat + 3600);
      await expect(verifier().verify(`Bearer ${exactly}`)).resolves.toMatchObject({ role: 'HR' });
      const longer = await timed(iat, iat + 3601);
      await expect(verifier().verify(`Bearer ${longer}`)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/lives longer/),
      });
    });

    it('refuses a token that expires in 2100', async () => {
      const token = await timed(now(), Date.UTC(2100, 0, 1) / 1000);
      await expect(verifier().verify(`Bearer ${token}`)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('requires iat, so a lifetime can be known', async () => {
      const token = await withoutIat(now() + 60);
      await expect(verifier().verify(`Bearer ${token}`)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/iat/),
      });
    });

    it('refuses an iat in the future beyond the clock leeway, and takes one within it', async () => {
      const ahead = await timed(now() + 60, now() + 600);
      await expect(verifier().verify(`Bearer ${ahead}`)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/iat/),
      });
      const skewed = await timed(now() + 3, now() + 600);
      await expect(verifier().verify(`Bearer ${skewed}`)).resolves.toMatchObject({ role: 'HR' });
    });

    it('takes its maximum from the options', async () => {
      const strict = createTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
        jwks: issuer.jwks(),
        maxLifetimeSeconds: 300,
      });
      const five = await issuer.issue({ role: 'HR', sub: 'e1', ttlSeconds: 300 });
      await expect(strict.verify(`Bearer ${five}`)).resolves.toMatchObject({ role: 'HR' });
      const hour = await issuer.issue({ role: 'HR', sub: 'e1' });
      await expect(strict.verify(`Bearer ${hour}`)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      const base = {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
        jwks: issuer.jwks(),
      };
      expect(() => createTokenVerifier({ ...base, maxLifetimeSeconds: 0 })).toThrow(/maxLifetime/);
    });
  });

  describe('with a JWKS file', () => {
    it('verifies against the public keys in the file', async () => {
      const jwksFile = path.join(dataDir, 'issuer-jwks.json');
      writeJwksFile(jwksFile, issuer.jwks());
      const fromFile = createTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['ES256'],
        jwksFile,
      });
      const token = await issuer.issue({ role: 'FINANCE', sub: 'e2' });
      await expect(fromFile.verify(`Bearer ${token}`)).resolves.toMatchObject({ role: 'FINANCE' });
    });

    it('refuses to start on a missing file or one holding a private key', () => {
      const base = { issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'] };
      const missing = path.join(dataDir, 'nowhere.json');
      expect(() => createTokenVerifier({ ...base, jwksFile: missing })).toThrow(KeyFileError);
      const leaky = path.join(dataDir, 'leaky-jwks.json');
      fs.writeFileSync(leaky, JSON.stringify({ keys: [privateJwk] }));
      expect(() => createTokenVerifier({ ...base, jwksFile: leaky })).toThrow(/private key/);
    });
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
