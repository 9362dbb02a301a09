import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalIssuer, createTokenVerifier } from '../../src/auth';
import { runScript, runScriptOk } from '../../../test-support/runScript';

describe('bin/token.ts', () => {
  let dataDir: string;
  const env = () => ({
    ...process.env,
    DATA_DIR: dataDir,
    JWT_ISSUER: 'cli-issuer',
    JWT_AUDIENCE: 'cli-api',
  });
  const token = (...args: string[]) => runScriptOk('bin/token.ts', args, { env: env() });

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const verifier = () =>
    createTokenVerifier({
      issuer: 'cli-issuer',
      audience: 'cli-api',
      algorithms: ['ES256'],
      jwks: createLocalIssuer({ dataDir, issuer: 'cli-issuer', audience: 'cli-api' }).jwks(),
    });

  it('prints only a token the server accepts', async () => {
    const { stdout, stderr } = await token('--role', 'EMPLOYEE', '--sub', 'e1');
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const identity = await verifier().verify(`Bearer ${stdout.trim()}`);
    expect(identity).toMatchObject({ subject: 'e1', role: 'EMPLOYEE', employeeId: 'e1' });
  });

  it('takes scopes and a lifetime, and gives ADMIN a service principal', async () => {
    const { stdout } = await token('--role', 'admin', '--scopes', 'a:read, b:write', '--ttl', '90');
    const identity = await verifier().verify(`Bearer ${stdout.trim()}`);
    expect(identity).toMatchObject({
      subject: 'service:admin',
      role: 'ADMIN',
      scopes: ['a:read', 'b:write'],
    });
    expect(identity.expiresAt - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(90);
  });

  it('shares one key pair between processes that start at once', async () => {
    const outputs = await Promise.all(
      ['e1', 'e2', 'e3'].map((sub) => token('--role', 'EMPLOYEE', '--sub', sub)),
    );
    expect(fs.readdirSync(path.join(dataDir, 'issuer'))).toEqual(['private.jwk.json']);
    for (const [i, { stdout }] of outputs.entries()) {
      await expect(verifier().verify(`Bearer ${stdout.trim()}`)).resolves.toMatchObject({
        subject: `e${i + 1}`,
        role: 'EMPLOYEE',
      });
    }
  });

  it.each([
    [['--role', 'ROOT', '--sub', 'e1'], /Unknown or missing role "ROOT"/],
    [['--sub', 'e1'], /Unknown or missing role/],
    [['--role', 'EMPLOYEE'], /EMPLOYEE tokens need --sub/],
    [['--role', 'HR', '--sub', 'e1', '--ttl', 'soon'], /--ttl/],
    [['--role', 'HR', '--sub', 'e1', '--ttl', '3601'], /JWT_MAX_TTL_SECONDS \(3600\)/],
    [['--role', 'HR', '--sub', 'e1', '--bogus'], /Unknown option/],
  ])('refuses %j with exit code 2 and a message on stderr', async (args, message) => {
    const error = await runScript('bin/token.ts', args, { env: env() });
    expect(error.code).toBe(2);
    expect(error.stdout).toBe('');
    expect(error.stderr).toMatch(message);
    expect(error.stderr).toMatch(/Usage:/);
  });
});
