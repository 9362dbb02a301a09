import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadNatsConfig, natsConnectionOf } from '../../runtime';
import {
  closeNats,
  connectNats,
  ensureStreams,
  NatsAuthError,
  recordEvent,
  type NatsClients,
} from '..';
import { createTestNamespace, deleteStreams } from '../testing';
import { clearTables, Effect, effectsHandler, suiteDb } from './support/database';
import { testConsumer, testRelay } from './support/workers';
import { startNatsServer, type NatsServerProcess } from './support/natsServer';
import { testCatalogue, thingEvent } from './support/things';
import { makeTlsFiles, type TlsFiles } from './support/tlsFiles';
import { waitFor } from './support/waitFor';

// Servers of the suite's own, set up as production's would be; each test connects through
// the configuration, as the platform does at start.
describe('NATS credentials and TLS from the configuration', () => {
  const database = suiteDb('nats-auth');
  const catalogue = testCatalogue();
  let dir: string;
  let tls: TlsFiles;
  let passwordServer: NatsServerProcess;
  let tlsServer: NatsServerProcess;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-auth-'));
    tls = makeTlsFiles(dir);
    passwordServer = await startNatsServer('authorization { user: hr, password: "s3cret-pw" }\n');
    tlsServer = await startNatsServer(
      `tls { cert_file: "${tls.serverCert}", key_file: "${tls.serverKey}", ` +
        `ca_file: "${tls.ca}", verify: true }\n`,
    );
  }, 30_000);
  afterAll(async () => {
    await passwordServer?.destroy();
    await tlsServer?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => clearTables(database));

  const connectWith = (env: NodeJS.ProcessEnv, waitOnFirstConnect?: boolean) =>
    connectNats({
      ...natsConnectionOf(loadNatsConfig(env)),
      name: 'auth-test',
      waitOnFirstConnect,
    });

  /** Publishes an event through the outbox and has a consumer apply it, over `nats`. */
  async function expectRoundTrip(nats: NatsClients, n: number): Promise<void> {
    const ns = createTestNamespace();
    await ensureStreams(nats.jsm, ns);
    const event = thingEvent('created', n);
    try {
      await database.orm.em
        .fork()
        .transactional(async (em) => recordEvent(em, event, ns, catalogue));
      expect(await testRelay(database, { ...nats, ns }).drain()).toBe(1);
      const consumer = testConsumer(
        database,
        { ...nats, ns },
        { catalogue, handler: effectsHandler() },
      );
      await consumer.start();
      const applied = () => database.orm.em.fork().count(Effect, { eventId: event.id });
      await waitFor('the consumer to apply the event', async () => (await applied()) === 1);
      await consumer.stop();
    } finally {
      await deleteStreams(nats.jsm, ns);
    }
  }

  it('publishes and consumes an event as the configured user', async () => {
    const nats = await connectWith({
      NATS_URL: passwordServer.url,
      NATS_USER: 'hr',
      NATS_PASSWORD: 's3cret-pw',
    });
    try {
      await expectRoundTrip(nats, 1);
    } finally {
      await closeNats(nats.nc);
    }
  });

  it('stops with an error naming NATS authentication when the password is wrong, not retrying forever', async () => {
    // As the platform connects: waiting for a server that is not up yet.
    const error = await connectWith({
      NATS_URL: passwordServer.url,
      NATS_USER: 'hr',
      NATS_PASSWORD: 'wrong',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NatsAuthError);
    expect(error).toMatchObject({ code: 'NATS_AUTH_FAILED', name: 'NatsAuthError' });
    expect((error as Error).message).toBe(
      `NATS authentication failed at ${passwordServer.url} (Authorization Violation): ` +
        'user "hr" and its password were refused.',
    );
  });

  it('says so too when no credentials are configured', async () => {
    const error = await connectWith({ NATS_URL: passwordServer.url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NatsAuthError);
    expect((error as Error).message).toMatch(
      /^NATS authentication failed .*no credentials were given/,
    );
  });

  it('publishes and consumes over TLS, trusting the configured CA, with a client certificate', async () => {
    const nats = await connectWith({
      NATS_URL: `tls://${tlsServer.url}`,
      NATS_TLS_CA_FILE: tls.ca,
      NATS_TLS_CERT_FILE: tls.clientCert,
      NATS_TLS_KEY_FILE: tls.clientKey,
    });
    try {
      expect(nats.nc.info?.tls_required).toBe(true);
      await expectRoundTrip(nats, 2);
    } finally {
      await closeNats(nats.nc);
    }
  });

  it('does not trust the server without the configured CA', async () => {
    await expect(connectWith({ NATS_URL: tlsServer.url }, false)).rejects.toThrow(
      'unable to verify the first certificate',
    );
  });
});
