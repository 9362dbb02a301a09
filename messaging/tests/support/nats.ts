import pino from 'pino';
import type { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import { connectNats, ensureStreams, type NatsClients, type Namespace } from '../..';
import { createTestNamespace, deleteStreams } from '../../testing';
import { suiteHarness } from '../../../test-support/suiteHarness';

export const NATS_URL = process.env.NATS_URL ?? '127.0.0.1:4222';

/** Logs nothing: failures the tests provoke on purpose would only be noise. */
export const quietLogger = pino({ level: 'silent' });

export interface TestNats extends NatsClients {
  ns: Namespace;
  /** Deletes the namespace's streams and closes the connection. */
  close(): Promise<void>;
}

/** A connection to the machine's NATS and a fresh namespace with its streams. */
export async function openTestNats(name: string, servers = NATS_URL): Promise<TestNats> {
  const clients = await connectNats({ servers, name, waitOnFirstConnect: false });
  const ns = createTestNamespace();
  await ensureStreams(clients.jsm, ns);
  return {
    ...clients,
    ns,
    async close() {
      await deleteStreams(clients.jsm, ns);
      await clients.nc.close();
    },
  };
}

/** `openTestNats` for the whole suite: open before its tests, closed after them. */
export function suiteNats(name: string): TestNats {
  return suiteHarness(async () => {
    const nats = await openTestNats(name);
    return { ...nats, stop: () => nats.close() };
  });
}

export async function messageCount(jsm: JetStreamManager, stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.messages;
}

/** Every message of a stream, in stream order. */
export async function readStream(jsm: JetStreamManager, stream: string): Promise<StoredMsg[]> {
  const { state } = await jsm.streams.info(stream);
  const messages: StoredMsg[] = [];
  if (state.messages === 0) return messages;
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq });
    if (msg) messages.push(msg);
  }
  return messages;
}
