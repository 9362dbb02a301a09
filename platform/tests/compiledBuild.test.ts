import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeNats, connectNats, createNamespace } from '../../messaging';
import { deleteStreams, freePort } from '../../messaging/testing';
import { TEST_NATS_URL } from '../../test-support/createTestPlatform';
import { waitFor } from '../../test-support/waitFor';
import { buildPlatform } from '../build';

const root = path.resolve(__dirname, '../..');

// `npm run build` as the image runs it: compiled JavaScript in dist/ beside package.json and
// the production node_modules, no TypeScript and no web/ sources. The compiled code reads its
// assets (SDL, event catalogue, supergraph) beside itself, so one left out of the build stops
// it at start. One project suffices: the build is the same for either database.
describe('the compiled build (npm run build)', () => {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'hr-build-'));
  const dist = path.join(app, 'dist');
  const namespaceId = `T${crypto.randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];

  /** `node dist/bin/<script>.js` in the built app, with the test's NATS and streams. */
  function node(script: string, args: string[], env: Record<string, string>) {
    return [
      process.execPath,
      [path.join(dist, 'bin', `${script}.js`), ...args],
      {
        cwd: app,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          NATS_URL: TEST_NATS_URL,
          NATS_NAMESPACE: namespaceId,
          ...env,
        },
      },
    ] as const;
  }

  beforeAll(() => {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(app, 'package.json'));
    buildPlatform(dist);
  }, 300_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    const nats = await connectNats({ servers: TEST_NATS_URL, name: 'test-cleanup' });
    await deleteStreams(nats.jsm, createNamespace(namespaceId));
    await closeNats(nats.nc);
    fs.rmSync(app, { recursive: true, force: true });
  });

  it('holds no TypeScript and no tests', () => {
    const files = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' });
    expect(files.filter((file) => file.endsWith('.ts') || /\btests\b/.test(file))).toEqual([]);
    expect(files).toContain('bin/serve.js');
  });

  it('runs the whole platform: ready, answers GraphQL, stops on SIGTERM', async () => {
    const dataDir = path.join(app, 'data');
    const port = await freePort();
    // With a second process whatever the cores: its entry must be in the build and run as
    // JavaScript, and readiness waits for its subgraphs.
    const child = spawn(
      ...node('start', [], {
        DATA_DIR: dataDir,
        PORT: String(port),
        ALL_IN_ONE_CHILD_SUBGRAPHS: 'accruals,billing,audit',
      }),
    );
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const ready = await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`exited: ${output}`);
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
      return response?.ok ? ((await response.json()) as { status: string }) : undefined;
    }, 120_000);
    expect(ready.status).toBe('ready');

    // A token from the compiled issuer command, on the platform's own keys.
    const token = spawnSync(...node('token', ['--role', 'ADMIN'], { DATA_DIR: dataDir }));
    expect(token.stderr.toString()).toBe('');
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token.stdout.toString().trim()}`,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);

  it('loads every part for `serve`', () => {
    // Loading bin/serve.js loads every subgraph and its SDL before the name is checked.
    const served = spawnSync(...node('serve', ['nosuch'], {}));
    expect(served.stderr.toString()).toContain('Unknown service "nosuch"');
  });

  it('does not start when an asset is missing from the build', () => {
    fs.rmSync(path.join(dist, 'subgraphs/leave/src/schema.graphql'));
    const started = spawnSync(...node('start', [], { DATA_DIR: path.join(app, 'data2') }));
    expect(started.status).not.toBe(0);
    expect(started.stderr.toString()).toContain('subgraphs/leave/src/schema.graphql');
  });
});
