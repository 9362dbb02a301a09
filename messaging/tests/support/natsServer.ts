import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNatsServer as startServer, type RunningNatsServer } from '../..';
import { freePort } from '../../testing';

/** A nats-server of the test's own, which the test can stop and start again. */
export interface NatsServerProcess {
  url: string;
  /** Starts the server again on the same port and store folder. */
  start(): Promise<void>;
  /** Shuts the server down (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Stops the server and removes its store. */
  destroy(): Promise<void>;
}

/**
 * Runs `nats-server -js` on `port` (default: a free one) with a temporary store, with `config`
 * (e.g. an `authorization` or `cluster` block) when given.
 */
export async function startNatsServer(config?: string, port?: number): Promise<NatsServerProcess> {
  port ??= await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-store-'));
  const storeDir = path.join(dir, 'store');
  let running: RunningNatsServer | undefined;

  const server: NatsServerProcess = {
    url: `127.0.0.1:${port}`,
    async start() {
      running = await startServer({ storeDir, port, config });
    },
    async stop() {
      await running?.stop();
      running = undefined;
    },
    async destroy() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
