import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { NatsServerError, startNatsServer } from '..';

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

  it('says how to get NATS when there is no nats-server to start', async () => {
    const error = await startNatsServer({ storeDir, searchPath: storeDir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NatsServerError);
    expect((error as Error).message).toMatch(/set NATS_URL.*install nats-server/s);
  });
});
