import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, type JSONWebKeySet, type JWK } from 'jose';
import {
  createGatewayAssertionSigner,
  createGatewayAssertionVerifier,
  createLocalIssuer,
  createTokenVerifier,
  keyPaths,
} from '../../src/auth';
import { runScript, runScriptOk } from '../../../test-support/runScript';

// Each step runs the tool as a process of its own, which a busy machine starts in seconds:
// a rotation is five of them.
jest.setTimeout(180_000);

describe('bin/keys.ts', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, DATA_DIR: dataDir });
  const keys = (...args: string[]) => runScriptOk('bin/keys.ts', args, { env: env() });
  /** How a refused run ends: its exit code and what it printed. */
  const refusal = (...args: string[]) => runScript('bin/keys.ts', args, { env: env() });
  const kidsOf = (file: string) => json<JSONWebKeySet>(file).keys.map((k) => k.kid);
  const json = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates the issuer and gateway key pairs, each private key apart, the public sets together', async () => {
    const { stdout } = await keys();
    const paths = keyPaths(dataDir);
    const issuerKey = json<JWK>(paths.issuerPrivate);
    const gatewayKey = json<JWK>(paths.gatewayPrivate);
    expect(stdout).toContain(issuerKey.kid);
    expect(stdout).toContain(gatewayKey.kid);
    expect(stdout).not.toContain(issuerKey.d);
    for (const file of [paths.issuerPrivate, paths.gatewayPrivate]) {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    // Three folders, so each can be handed to its owner alone.
    expect(fs.readdirSync(path.join(dataDir, 'issuer'))).toEqual(['private.jwk.json']);
    expect(fs.readdirSync(path.join(dataDir, 'gateway'))).toEqual(['private.jwk.json']);
    expect(fs.readdirSync(path.join(dataDir, 'public')).sort()).toEqual([
      'gateway-jwks.json',
      'issuer-jwks.json',
    ]);
    for (const file of [paths.issuerJwks, paths.gatewayJwks]) {
      const { keys: published } = json<JSONWebKeySet>(file);
      expect(published).toHaveLength(1);
      expect(published[0]).not.toHaveProperty('d');
    }

    // The issuer (npm run token) signs with its key, and the public set verifies it.
    const issuer = createLocalIssuer({ dataDir, issuer: 'hr-platform', audience: 'hr-platform' });
    const token = await issuer.issue({ role: 'HR', sub: 'e1' });
    const verifier = createTokenVerifier({
      issuer: 'hr-platform',
      audience: 'hr-platform',
      algorithms: ['ES256'],
      jwksFile: paths.issuerJwks,
    });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({ role: 'HR' });
    const assertion = await createGatewayAssertionSigner({ key: gatewayKey }).current();
    const subgraph = createGatewayAssertionVerifier({ jwksFile: paths.gatewayJwks });
    await expect(subgraph.verify(assertion)).resolves.toBeUndefined();
  });

  it('keeps the keys it made, and keeps a rotated key trusted beside the new one', async () => {
    await keys();
    const paths = keyPaths(dataDir);
    const before = fs.readFileSync(paths.issuerPrivate, 'utf8');
    const oldGateway = json<JWK>(paths.gatewayPrivate);
    await keys();
    expect(fs.readFileSync(paths.issuerPrivate, 'utf8')).toBe(before);
    expect(json<JWK>(paths.gatewayPrivate)).toEqual(oldGateway);
    expect(json<JSONWebKeySet>(paths.gatewayJwks).keys).toHaveLength(1);

    fs.rmSync(paths.gatewayPrivate);
    await keys();
    const newGateway = json<JWK>(paths.gatewayPrivate);
    expect(newGateway.kid).not.toBe(oldGateway.kid);
    const kids = json<JSONWebKeySet>(paths.gatewayJwks).keys.map((k) => k.kid);
    expect(kids).toEqual([newGateway.kid, oldGateway.kid]);
  });

  describe('rotation', () => {
    const claims = { issuer: 'hr-platform', audience: 'hr-platform' };
    /** The issuer as a process starting now reads it (accounts, npm run token). */
    const startIssuer = () => createLocalIssuer({ dataDir, ...claims });
    /** A verifier of a process starting now, reading JWKS_FILE. */
    const startVerifier = () =>
      createTokenVerifier({
        ...claims,
        algorithms: ['ES256'],
        jwksFile: keyPaths(dataDir).issuerJwks,
      });
    const verdict = (verifier: ReturnType<typeof startVerifier>, token: string) =>
      verifier.verify(`Bearer ${token}`).then(
        (identity) => `accepted ${identity.subject}`,
        (error: { code?: string }) => `refused ${error.code}`,
      );

    it("rotates the issuer's key in two steps: both keys verify between them, the old one is refused after", async () => {
      await keys();
      const paths = keyPaths(dataDir);
      const running = startVerifier();
      const oldIssuer = startIssuer();
      const oldToken = await oldIssuer.issue({ role: 'HR', sub: 'before' });
      expect(await verdict(running, oldToken)).toBe('accepted before');

      const { stdout } = await keys('rotate', 'issuer');
      const newKid = json<JWK>(paths.issuerPrivate).kid!;
      expect(newKid).not.toBe(oldIssuer.kid);
      expect(stdout).toContain(`issuer key ${newKid} now signs; ${oldIssuer.kid} stays trusted.`);
      expect(stdout).toContain('npm run keys -- retire issuer');
      expect(fs.statSync(paths.issuerPrivate).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.join(dataDir, 'issuer'))).toEqual(['private.jwk.json']);
      expect(kidsOf(paths.issuerJwks)).toEqual([newKid, oldIssuer.kid]);
      expect(json<JSONWebKeySet>(paths.issuerJwks).keys.some((k) => 'd' in k)).toBe(false);

      // A running issuer keeps the key it started with; restarted, it signs with the new one.
      expect(
        await oldIssuer.issue({ role: 'HR', sub: 'x' }).then(decodeProtectedHeader),
      ).toMatchObject({ kid: oldIssuer.kid });
      const newIssuer = startIssuer();
      expect(newIssuer.kid).toBe(newKid);
      const newToken = await newIssuer.issue({ role: 'HR', sub: 'after' });
      const oldToken2 = await oldIssuer.issue({ role: 'HR', sub: 'in flight' });
      const during = startVerifier();
      expect(await verdict(during, newToken)).toBe('accepted after');
      expect(await verdict(during, oldToken2)).toBe('accepted in flight');
      // A verifier started before the rotation reads the file again for the unknown key id
      // (once its 30 s cooldown since the last read is over).
      jest.useFakeTimers({
        now: Date.now() + 31_000,
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
      });
      try {
        expect(await verdict(running, newToken)).toBe('accepted after');
      } finally {
        jest.useRealTimers();
      }
      // The all-in-one issuer serves both keys until the old one is retired.
      expect(newIssuer.jwks().keys.map((k) => k.kid)).toEqual([newKid, oldIssuer.kid]);

      // Code and message together, so a refusal of another kind says what it was.
      const current = await refusal('retire', 'issuer', '--kid', newKid);
      expect(current).toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`${newKid} is the issuer's current key`),
      });
      expect(kidsOf(paths.issuerJwks)).toEqual([newKid, oldIssuer.kid]);

      const retired = await keys('retire', 'issuer');
      expect(retired.stdout).toContain(`issuer keys retired: ${oldIssuer.kid}; ${newKid} stays.`);
      expect(kidsOf(paths.issuerJwks)).toEqual([newKid]);
      const after = startVerifier();
      expect(await verdict(after, newToken)).toBe('accepted after');
      expect(await verdict(after, oldToken2)).toBe('refused UNAUTHENTICATED');

      const only = await refusal('retire', 'issuer');
      expect(only.code).toBe(1);
      expect(only.stderr).toContain(`holds only its current key ${newKid}: nothing to retire`);
      expect(kidsOf(paths.issuerJwks)).toEqual([newKid]);
    });

    it("rotates the gateway's key the same way", async () => {
      await keys();
      const paths = keyPaths(dataDir);
      const oldKey = json<JWK>(paths.gatewayPrivate);
      const oldAssertion = await createGatewayAssertionSigner({ key: oldKey }).current();
      await keys('rotate', 'gateway');
      const newKey = json<JWK>(paths.gatewayPrivate);
      expect(kidsOf(paths.gatewayJwks)).toEqual([newKey.kid, oldKey.kid]);
      expect(kidsOf(paths.issuerJwks)).toHaveLength(1);
      const newAssertion = await createGatewayAssertionSigner({ key: newKey }).current();
      const subgraph = () => createGatewayAssertionVerifier({ jwksFile: paths.gatewayJwks });
      await expect(subgraph().verify(oldAssertion)).resolves.toBeUndefined();
      await expect(subgraph().verify(newAssertion)).resolves.toBeUndefined();

      await keys('retire', 'gateway', '--kid', oldKey.kid!);
      expect(kidsOf(paths.gatewayJwks)).toEqual([newKey.kid]);
      await expect(subgraph().verify(newAssertion)).resolves.toBeUndefined();
      await expect(subgraph().verify(oldAssertion)).rejects.toThrow();
    });

    it.each([
      [['rotate', 'database'], 2, /issuer or gateway/],
      [['rotate', 'issuer', '--kid', 'x'], 2, /--kid is for retire/],
      [['renew', 'issuer'], 2, /Unknown command/],
      [['rotate', 'issuer'], 1, /no key yet/],
      [['retire', 'issuer', '--kid'], 2, /argument missing/],
    ])('refuses %j with exit code %d', async (args, code, message) => {
      const failed = await refusal(...args);
      expect(failed.code).toBe(code);
      expect(failed.stderr).toMatch(message);
      expect(failed.stdout).toBe('');
      expect(fs.existsSync(path.join(dataDir, 'public'))).toBe(false);
    });

    it('refuses to retire a key the set does not hold', async () => {
      await keys();
      const failed = await refusal('retire', 'issuer', '--kid', 'no-such-key');
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('holds no key no-such-key');
    });

    // Key ids are base64url: one in 64 begins with a dash, as printed for the next command.
    it('takes a key id that begins with a dash as the id, written after --kid', async () => {
      await keys();
      const failed = await refusal('retire', 'issuer', '--kid', '-no-such-key');
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('holds no key -no-such-key');
    });
  });
});
