import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { findOnPath, NatsServerError, startNatsServer } from '..';
import { freePort } from '../testing';
import { waitFor } from '../../test-support/waitFor';

const portIn = (url: string) => Number(new URL(url).port);

describe('startNatsServer', () => {
  let storeDir: string;
  beforeEach(() => (storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-start-'))));
  afterEach(() => fs.rmSync(storeDir, { recursive: true, force: true }));

  it('starts a nats-server with JetStream that clients can use, and stops it', async () => {
    const server = await startNatsServer({ storeDir });
    const nc = await connect({ servers: server.url });
    expect(nc.info?.jetstream).toBe(true);
    await nc.close();
    await server.stop();
    // Refused, not timed out: the server is gone, not merely hung.
    await expect(connect({ servers: server.url, reconnect: false, timeout: 500 })).rejects.toThrow(
      'connection refused',
    );
  });

  it('tries another free port when the server exits at once, as when its port was taken', async () => {
    // The first run exits as nats-server does on a port in use; later runs are the real one.
    const real = findOnPath('nats-server', `${process.env.PATH}:/usr/sbin:/usr/local/sbin`)!;
    const tried = path.join(storeDir, 'tried');
    const command = path.join(storeDir, 'nats-server');
    fs.writeFileSync(
      command,
      `#!/bin/sh\necho "$*" >> ${tried}\n` +
        `[ "$(wc -l < ${tried})" -gt 1 ] || exit 1\nexec ${real} "$@"\n`,
      { mode: 0o755 },
    );
    const server = await startNatsServer({ storeDir: path.join(storeDir, 'js'), command });
    const ports = fs
      .readFileSync(tried, 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number(/-p (\d+)/.exec(line)![1]));
    expect(ports).toHaveLength(2);
    expect(ports[1]).toBe(portIn(server.url));
    const nc = await connect({ servers: server.url });
    expect(nc.info?.jetstream).toBe(true);
    await nc.close();
    await server.stop();
  });

  it('does not outlive the process that started it, even one that exits without stopping it', async () => {
    // As a benchmark that fails does: start a server, print its pid, exit with an error.
    const script =
      `const { startNatsServer } = require(${JSON.stringify(path.resolve(__dirname, '..'))});` +
      `startNatsServer({ storeDir: ${JSON.stringify(storeDir)} })` +
      `.then((server) => { console.log(server.pid); process.exit(1); });`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    expect(run.status).toBe(1);
    const pid = Number(run.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    await waitFor(async () => (fs.existsSync(`/proc/${pid}`) ? undefined : true));
  });

  it('says how to get NATS when there is no nats-server to start', async () => {
    const error = await startNatsServer({ storeDir, searchPath: storeDir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NatsServerError);
    expect((error as Error).message).toMatch(/set NATS_URL.*install nats-server/s);
  });
});

describe('freePort', () => {
  it('picks a port below the range the kernel hands out by itself, for connections too', async () => {
    const [low] = fs
      .readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    for (let i = 0; i < 5; i++) {
      const port = await freePort();
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(low!);
    }
  });
});
