import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JSONWebKeySet, JWK } from 'jose';
import {
  createGatewayAssertionSigner,
  createGatewayAssertionVerifier,
  createLocalIssuer,
  createTokenVerifier,
  keyPaths,
} from '../../src/auth';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const run = promisify(execFile);

describe('bin/keys.ts', () => {
  let dataDir: string;
  const keys = () =>
    run(tsx, [path.join(root, 'bin/keys.ts')], {
      env: { ...process.env, DATA_DIR: dataDir },
      cwd: root,
    });
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
});
