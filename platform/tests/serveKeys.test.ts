import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keyPaths } from '../../runtime';
import { runScript, runScriptOk } from '../../test-support/runScript';

// `npm run serve` never needs, nor makes, the issuer's private key: a part
// that would need it refuses to start, before connecting to anything.
describe('npm run serve and the keys', () => {
  let dataDir: string;
  let keys: ReturnType<typeof keyPaths>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-keys-'));
    keys = keyPaths(path.join(dataDir, 'keys'));
    await runScriptOk('bin/keys.ts', [], {
      env: { ...process.env, DATA_DIR: path.join(dataDir, 'keys') },
    });
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const serve = async (name: string, env: Record<string, string>) => {
    const failure = await runScript('bin/serve.ts', [name], {
      // Nothing listens there: a start that got as far as connecting would fail differently.
      env: { ...process.env, DATA_DIR: dataDir, NATS_URL: 'nats://127.0.0.1:9', ...env },
    });
    expect(failure.code).toBe(1);
    return failure.stderr;
  };

  it('refuses to serve a part without public keys to verify tokens with, and makes none', async () => {
    const stderr = await serve('employees', { GATEWAY_JWKS_FILE: keys.gatewayJwks });
    expect(stderr).toMatch(/JWKS_URL or JWKS_FILE is required/);
    expect(fs.existsSync(path.join(dataDir, 'issuer'))).toBe(false);
  });

  it('refuses to serve the gateway without its assertion key', async () => {
    const stderr = await serve('gateway', { JWKS_FILE: keys.issuerJwks });
    expect(stderr).toMatch(/GATEWAY_ASSERTION_KEY_FILE is required/);
  });

  it("refuses to serve a subgraph without the gateway's public keys", async () => {
    const stderr = await serve('employees', { JWKS_FILE: keys.issuerJwks });
    expect(stderr).toMatch(/GATEWAY_JWKS_FILE is required/);
  });
});
