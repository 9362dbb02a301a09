import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeNats, connectNats, startNatsServer, type RunningNatsServer } from '..';

// NATS_URL is the one NATS setting, kept in a deployment's secrets (docs/kubernetes.md):
// a server that asks for a user and password is signed in to with those the URL carries.
describe('connectNats on a server that asks for a password', () => {
  let storeDir: string;
  let server: RunningNatsServer;
  const password = 'p@ss:word/1';
  const withCredentials = () =>
    server.url.replace('nats://', `nats://hr:${encodeURIComponent(password)}@`);

  beforeAll(async () => {
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-auth-'));
    server = await startNatsServer({ storeDir, args: ['--user', 'hr', '--pass', password] });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  it('signs in with the user and password in the URL and uses JetStream', async () => {
    const nats = await connectNats({ servers: withCredentials(), name: 'auth-test' });
    const info = await nats.jsm.getAccountInfo();
    expect(info.streams).toBe(0);
    expect(nats.nc.info?.auth_required).toBe(true);
    await closeNats(nats.nc);
  });

  it('is refused without them, or with a wrong password', async () => {
    const wrong = server.url.replace('nats://', 'nats://hr:wrong@');
    for (const servers of [server.url, wrong]) {
      await expect(
        connectNats({ servers, name: 'auth-test', waitOnFirstConnect: false }),
      ).rejects.toThrow(/Authorization Violation/i);
    }
  });
});
