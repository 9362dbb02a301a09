import type net from 'node:net';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import WebSocket from 'ws';
import { waitFor } from '../../test-support/waitFor';
import { startFixture, type Fixture } from './support/twoSubgraphs';

// The gateway's graphql-ws endpoint against the real `ws` client: the body limit as the
// largest message, and caps on sockets per address and on sockets not yet initialised.

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const MAX_BODY = 64 * 1024;

interface Opened {
  socket?: WebSocket;
  status?: number;
  retryAfter?: string;
}

describe('graphql-ws sockets', () => {
  let nc: NatsConnection;
  let fx: Fixture;
  let token: string;
  const sockets: WebSocket[] = [];
  const wsUrl = () => fx.url.replace(/^http/, 'ws');

  /** A socket from `address` (as the trusted proxy reports it), or the refusal of its upgrade. */
  const open = (address: string) =>
    new Promise<Opened>((resolve, reject) => {
      const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', {
        headers: { 'x-forwarded-for': address },
      });
      socket.once('open', () => {
        sockets.push(socket);
        resolve({ socket });
      });
      socket.once('unexpected-response', (req, res) => {
        resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] as string });
        req.destroy();
      });
      socket.once('error', reject);
    });

  const closed = (socket: WebSocket) =>
    new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

  const initialise = async (socket: WebSocket) => {
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') resolve();
      }),
    );
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: token } }));
    await acked;
  };

  const liveSockets = () => fx.gateway.subscriptions!.ws.clients();

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL, name: 'sockets-test' });
    fx = await startFixture('in-process', {
      limits: { maxBodyBytes: MAX_BODY },
      trustProxyHops: 1,
      subscriptions: {
        js: jetstream(nc),
        jsm: await jetstreamManager(nc),
        stream: 'UNUSED',
        subject: (events) => events,
        fields: {},
        limits: {
          connectionInitTimeoutMs: 30_000,
          maxSocketsPerAddress: 3,
          maxUninitialisedPerAddress: 2,
          maxUninitialised: 4,
        },
      },
    });
    token = `Bearer ${await fx.token('EMPLOYEE', 'u1')}`;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    await waitFor(async () => (liveSockets() === 0 ? true : undefined), 10_000, 20);
  });
  afterAll(async () => {
    await fx?.stop();
    await nc?.close();
  });

  describe('messages larger than the body limit', () => {
    it('closes the socket with 1009, before any connection_init, and logs no error', async () => {
      const errors = jest.spyOn(console, 'error');
      try {
        const { socket } = await open('198.51.100.1');
        const code = closed(socket!);
        socket!.send('x'.repeat(MAX_BODY + 1));
        expect(await code).toBe(1009);
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
      }
    });

    it('decides from the frame header alone, without reading the payload', async () => {
      const { socket } = await open('198.51.100.2');
      const code = closed(socket!);
      // A masked text frame announcing 20 MiB, of which not one byte is sent.
      const header = Buffer.alloc(14);
      header[0] = 0x81;
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(20 * 1024 * 1024), 2);
      (socket as unknown as { _socket: net.Socket })._socket.write(header);
      expect(await code).toBe(1009);
    });

    it('holds with a token too, as HTTP refuses the same body with 413', async () => {
      const query = `{ users { id } } # ${'x'.repeat(MAX_BODY)}`;
      expect((await fx.post({ query }, { authorization: token })).status).toBe(413);
      const { socket } = await open('198.51.100.3');
      await initialise(socket!);
      const code = closed(socket!);
      socket!.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      expect(await code).toBe(1009);
    });
  });

  describe('caps', () => {
    it('refuses more sockets from one address than the cap, at the upgrade, and no other address', async () => {
      for (let i = 0; i < 3; i += 1) await initialise((await open('203.0.113.1')).socket!);
      const refused = await open('203.0.113.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect((await open('203.0.113.2')).socket).toBeDefined();

      sockets[0]!.close();
      await waitFor(async () => (liveSockets() === 3 ? true : undefined), 10_000, 20);
      expect((await open('203.0.113.1')).socket).toBeDefined();
    });

    it('refuses more uninitialised sockets from one address than the cap', async () => {
      const first = await open('203.0.113.3');
      await open('203.0.113.3');
      expect((await open('203.0.113.3')).status).toBe(429);
      await initialise(first.socket!);
      expect((await open('203.0.113.3')).socket).toBeDefined();
    });

    it('refuses more uninitialised sockets in all than the cap, wherever they come from', async () => {
      for (const address of ['203.0.113.4', '203.0.113.4', '203.0.113.5', '203.0.113.5']) {
        expect((await open(address)).socket).toBeDefined();
      }
      expect((await open('203.0.113.6')).status).toBe(429);
      await initialise(sockets[0]!);
      expect((await open('203.0.113.6')).socket).toBeDefined();
    });
  });

  describe('subscription ids', () => {
    const subscribe = (socket: WebSocket, id: string) =>
      socket.send(
        JSON.stringify({ id, type: 'subscribe', payload: { query: '{ users { id } }' } }),
      );

    it('closes a socket whose subscribe id is longer than 128 characters, with 4400', async () => {
      const { socket } = await open('192.0.2.10');
      await initialise(socket!);
      const code = closed(socket!);
      subscribe(socket!, 'x'.repeat(129));
      expect(await code).toBe(4400);
    });

    it('serves an id of 128 characters', async () => {
      const { socket } = await open('192.0.2.11');
      await initialise(socket!);
      const id = 'y'.repeat(128);
      const answered = new Promise<{ id: string; type: string }>((resolve) =>
        socket!.on('message', (data) => {
          const message = JSON.parse(String(data));
          if (message.type === 'next' || message.type === 'error') resolve(message);
        }),
      );
      subscribe(socket!, id);
      expect(await answered).toMatchObject({ id, type: 'next' });
    });
  });
});
