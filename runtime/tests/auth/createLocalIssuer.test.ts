import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createLocalIssuer, createTokenVerifier } from '../../src/auth';

describe('createLocalIssuer', () => {
  let dataDir: string;
  const options = () => ({ dataDir, issuer: 'hr-platform', audience: 'hr-api' });

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuer-test-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates an ES256 key pair on first start, private to its owner, and reuses it', async () => {
    const first = createLocalIssuer(options());
    const file = path.join(dataDir, 'issuer', 'private.jwk.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(dataDir, 'issuer'))).toEqual(['private.jwk.json']);

    const second = createLocalIssuer(options());
    expect(second.kid).toBe(first.kid);
    expect(second.jwks()).toEqual(first.jwks());
    const token = await first.issue({ role: 'HR', sub: 'e1' });
    const verifier = createTokenVerifier({
      ...options(),
      algorithms: ['ES256'],
      jwks: second.jwks(),
    });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'e1' });
  });

  it('gives every token exactly its lifetime, even when the clock moves while signing', async () => {
    let clock = Date.UTC(2026, 0, 1, 12, 0, 0, 999);
    // Each reading is a second later: two readings would give exp - iat = ttl + 1.
    const issuer = createLocalIssuer({ ...options(), now: () => (clock += 1000) });
    const token = await issuer.issue({ role: 'HR', sub: 'e1', ttlSeconds: 300 });
    const { iat, exp } = decodeJwt(token);
    expect(iat).toBe(Date.UTC(2026, 0, 1, 12, 0, 1) / 1000);
    expect(exp! - iat!).toBe(300);
  });

  it('publishes only the public key', () => {
    const { keys } = createLocalIssuer(options()).jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('signs the documented claims', async () => {
    const issuer = createLocalIssuer(options());
    const token = await issuer.issue({
      role: 'PARTNER',
      sub: 'partner-1',
      scopes: ['employees:read'],
      ttlSeconds: 120,
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: issuer.kid, typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      sub: 'partner-1',
      role: 'PARTNER',
      scopes: ['employees:read'],
      iss: 'hr-platform',
      aud: 'hr-api',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
  });

  it.each(['ADMIN', 'SYSTEM'] as const)(
    'gives %s without a subject a service principal',
    async (role) => {
      const token = await createLocalIssuer(options()).issue({ role });
      expect(decodeJwt(token).sub).toBe(`service:${role.toLowerCase()}`);
    },
  );

  it('requires a subject for a person role and refuses unknown roles', async () => {
    const issuer = createLocalIssuer(options());
    await expect(issuer.issue({ role: 'EMPLOYEE' })).rejects.toThrow(
      /EMPLOYEE tokens need a subject/,
    );
    await expect(issuer.issue({ role: 'ROOT' as never, sub: 'x' })).rejects.toThrow(/Unknown role/);
    await expect(issuer.issue({ role: 'HR', sub: 'x', ttlSeconds: 0 })).rejects.toThrow(
      /ttlSeconds/,
    );
  });
});
