import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import {
  createGatewayAssertionSigner,
  createGatewayAssertionVerifier,
  createLocalIssuer,
  generatePrivateJwk,
  publicJwk,
  writeJwksFile,
} from '../../src/auth';
import { DomainError } from '../../src/errors';

describe('gateway assertion', () => {
  const key = generatePrivateJwk();
  const jwks = { keys: [publicJwk(key)] };
  const T0 = Date.UTC(2030, 0, 1, 9);

  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_GATEWAY' });
    return error as DomainError;
  };

  /** An assertion made by hand, to vary one thing at a time. */
  const craft = async (
    signingKey: JWK,
    edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
    typ = 'gateway-assertion+jwt',
  ) => {
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ })
      .setIssuer('gateway')
      .setSubject('gateway')
      .setAudience('subgraphs')
      .setIssuedAt()
      .setExpirationTime('5m');
    return edit(jwt).sign(await importJWK(signingKey, 'ES256'));
  };

  it('signs the documented claims, once for many calls', async () => {
    const signer = createGatewayAssertionSigner({ key });
    const [first, ...others] = await Promise.all([1, 2, 3].map(() => signer.current()));
    expect(others).toEqual([first, first]);
    expect(await signer.current()).toBe(first);
    expect(signer.header).toBe('x-gateway-assertion');
    expect(decodeProtectedHeader(first)).toEqual({
      alg: 'ES256',
      kid: key.kid,
      typ: 'gateway-assertion+jwt',
    });
    const claims = decodeJwt(first);
    expect(claims).toMatchObject({ iss: 'gateway', sub: 'gateway', aud: 'subgraphs' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
  });

  it('signs a new one when half its lifetime is gone, before the old one expires', async () => {
    let now = T0;
    const signer = createGatewayAssertionSigner({ key, now: () => now });
    const first = await signer.current();
    now = T0 + 149_000;
    expect(await signer.current()).toBe(first);
    now = T0 + 150_000;
    const second = await signer.current();
    expect(second).not.toBe(first);
    expect(decodeJwt(second).iat).toBe((T0 + 150_000) / 1000);
  });

  it('verifies what the signer signs, and keeps doing so for its lifetime', async () => {
    let now = T0;
    const signer = createGatewayAssertionSigner({ key, now: () => now });
    const verifier = createGatewayAssertionVerifier({ jwks, now: () => now });
    const assertion = await signer.current();
    await expect(verifier.verify(assertion)).resolves.toBeUndefined();
    now = T0 + 299_000;
    await expect(verifier.verify(assertion)).resolves.toBeUndefined();
  });

  it('refuses an expired assertion, even one it verified before', async () => {
    let now = T0;
    const signer = createGatewayAssertionSigner({ key, now: () => now });
    const verifier = createGatewayAssertionVerifier({ jwks, now: () => now });
    const assertion = await signer.current();
    await verifier.verify(assertion);
    now = T0 + 306_000; // past exp and the five seconds of leeway
    await refusal(verifier.verify(assertion));
  });

  const verifier = () => createGatewayAssertionVerifier({ jwks });
  const foreign = generatePrivateJwk();

  it.each<[string, () => Promise<string | undefined>]>([
    ['no assertion', async () => undefined],
    ['an empty one', async () => ''],
    ['garbage', async () => 'abc.def.ghi'],
    ['one signed by another key (forged)', () => craft(foreign)],
    ['one signed by another key under the gateway kid', () => craft({ ...foreign, kid: key.kid })],
    ['one for another audience', () => craft(key, (jwt) => jwt.setAudience('hr-platform'))],
    ['one from another issuer', () => craft(key, (jwt) => jwt.setIssuer('employees'))],
    ['one of another type (a plain JWT)', () => craft(key, (jwt) => jwt, 'JWT')],
    [
      'one without iat',
      async () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'gateway-assertion+jwt' })
          .setIssuer('gateway')
          .setAudience('subgraphs')
          .setExpirationTime('5m')
          .sign(await importJWK(key, 'ES256')),
    ],
    [
      'one issued in the future',
      () => craft(key, (jwt) => jwt.setIssuedAt(Date.now() / 1000 + 120)),
    ],
    [
      'one that lives longer than five minutes',
      () => createGatewayAssertionSigner({ key, lifetimeSeconds: 3600 }).current(),
    ],
  ])('refuses %s as FORBIDDEN', async (_name, assertion) => {
    await refusal(verifier().verify(await assertion()));
  });

  it('refuses a user token from the issuer, even a valid one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assertion-test-'));
    try {
      const issuer = createLocalIssuer({ dataDir, issuer: 'gateway', audience: 'subgraphs' });
      const token = await issuer.issue({ role: 'ADMIN' });
      const both = createGatewayAssertionVerifier({
        jwks: { keys: [...jwks.keys, ...issuer.jwks().keys] },
      });
      await refusal(both.verify(token));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('with a JWKS file', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assertion-jwks-'));
    });
    afterEach(() => {
      jest.useRealTimers();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('picks up a key added to the file for rotation, reading it at most every 30 s', async () => {
      const file = path.join(dir, 'gateway-jwks.json');
      writeJwksFile(file, jwks);
      const fromFile = createGatewayAssertionVerifier({ jwksFile: file });
      await expect(fromFile.verify(await craft(key))).resolves.toBeUndefined();

      const next = generatePrivateJwk();
      const rotated = await craft(next);
      await refusal(fromFile.verify(rotated));
      writeJwksFile(file, { keys: [publicJwk(next), ...jwks.keys] });
      // Read again only after the cooldown: made-up key ids cannot make it read on every call.
      await refusal(fromFile.verify(rotated));
      jest.useFakeTimers({
        now: Date.now() + 31_000,
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
      });
      await expect(fromFile.verify(await craft(next))).resolves.toBeUndefined();
      await expect(fromFile.verify(await craft(key))).resolves.toBeUndefined();
    });
  });
});
