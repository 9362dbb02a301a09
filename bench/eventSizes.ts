/**
 * `npm run bench:event-sizes`: what the events stream of NATS_NAMESPACE (NATS_URL, default
 * the local NATS) holds, per event type: how many, and their average size as JSON and as
 * JetStream stores them. Run it after `npm run seed` against a platform on that namespace to
 * get the figures docs/nats.md sizes the stream with.
 */
import { createNamespace, eventsStream, type NatsClients } from '../messaging';
import { loadNatsConfig, natsConnectionOf } from '../runtime';
import { measureWithNats, runBench } from './lib/runBench';

interface TypeTotals {
  messages: number;
  payloadBytes: number;
  headerBytes: number;
}

/** Every message of the stream, totalled per event type (the subject past `hr.`). */
async function totalsPerType(nats: NatsClients, stream: string, prefix: string) {
  const totals = new Map<string, TypeTotals>();
  const consumer = await nats.js.consumers.get(stream);
  const { state } = await nats.jsm.streams.info(stream);
  let seen = 0;
  while (seen < state.messages) {
    const batch = await consumer.fetch({ max_messages: 500, expires: 2000 });
    for await (const msg of batch) {
      seen += 1;
      const type = msg.subject.slice(`${prefix}hr.`.length);
      const entry = totals.get(type) ?? { messages: 0, payloadBytes: 0, headerBytes: 0 };
      entry.messages += 1;
      entry.payloadBytes += msg.data.length;
      entry.headerBytes += msg.headers?.toString().length ?? 0;
      totals.set(type, entry);
      if (seen >= state.messages) break;
    }
  }
  return { totals, state };
}

runBench(async () => {
  const config = loadNatsConfig();
  const namespace = createNamespace(process.env.NATS_NAMESPACE);
  const stream = eventsStream(namespace);
  const connection = natsConnectionOf(config);
  await measureWithNats(
    'bench-event-sizes',
    async (nats) => {
      const { totals, state } = await totalsPerType(nats, stream, namespace.subjectPrefix);
      const rows = [...totals.entries()].sort((a, b) => b[1].messages - a[1].messages);
      const lines = rows.map(
        ([type, t]) =>
          `${type.padEnd(44)} ${String(t.messages).padStart(6)} ${String(Math.round(t.payloadBytes / t.messages)).padStart(6)} B`,
      );
      const payload = rows.reduce((sum, [, t]) => sum + t.payloadBytes, 0);
      const headers = rows.reduce((sum, [, t]) => sum + t.headerBytes, 0);
      return [
        `${stream}: ${state.messages} messages, ${state.bytes} bytes stored (${(state.bytes / state.messages).toFixed(0)} B per message)`,
        `JSON payload ${(payload / state.messages).toFixed(0)} B and headers ${(headers / state.messages).toFixed(0)} B per message on average`,
        `${'type'.padEnd(44)} ${'count'.padStart(6)} ${'avg'.padStart(6)}`,
        ...lines,
      ];
    },
    connection.servers.length ? connection.servers : undefined,
  );
});
