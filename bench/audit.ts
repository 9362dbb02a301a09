import { v7 as uuidv7 } from 'uuid';
import {
  closeNats,
  connectNats,
  createEvent,
  ensureStreams,
  type NatsClients,
  subjectFor,
} from '../messaging';
import { createTestNamespace, deleteStreams } from '../messaging/testing';
import type { SubgraphModule } from '../runtime';
import { createAudit, verifyChain } from '../subgraphs/audit/src';
import { AuditEntrySchema } from '../subgraphs/audit/src/entities';
import { TEST_NATS_URL } from '../test-support/createTestPlatform';
import { createdData } from '../test-support/employeeEvents';
import { startSubgraph } from '../test-support/startSubgraph';
import { databaseKnob } from './lib/databaseKnob';

/**
 * `npm run bench:audit`: how fast the audit log catches up on a backlog. Publishes EVENTS
 * (10000) catalogue-valid `employees.employee.created` events into a fresh namespace, then
 * starts audit on a fresh database and times until every event is an entry of the chain
 * (from the subgraph's start, and the rate from its first entry on); checks the chain. Twice, side by side: with the handler's batch path, and one event at a
 * time (the batch path taken away). Knobs: EVENTS, DATABASE (sqlite, or postgres: a fresh
 * database on TEST_PG_URL), TEST_NATS_URL.
 */
const EVENTS = Number(process.env.EVENTS ?? 10_000);

/** Audit without its batch path: each event goes through `handle` alone. */
function oneAtATime(module: SubgraphModule<unknown>): SubgraphModule<unknown> {
  const eventHandlers = module.eventHandlers?.map((handler) => ({
    ...handler,
    handleBatch: undefined,
  }));
  return { ...module, eventHandlers };
}

/** Hires, published before the audit consumer starts, so they wait as a backlog. */
async function publishHires(nats: NatsClients, namespace: ReturnType<typeof createTestNamespace>) {
  const subject = subjectFor('employees.employee.created', namespace);
  for (let i = 0; i < EVENTS; i += 200) {
    const batch = Array.from({ length: Math.min(200, EVENTS - i) }, () => {
      const id = uuidv7();
      const event = createEvent(
        { type: 'employees.employee.created', subject: id, data: createdData(id) },
        { source: '/subgraphs/employees', correlationId: uuidv7(), actor: 'bench' },
      );
      return nats.js.publish(subject, JSON.stringify(event), { msgID: event.id });
    });
    await Promise.all(batch);
  }
}

/** Seconds from the consumer's start until the log holds every event, and the chain's state. */
async function catchUp(nats: NatsClients, module: SubgraphModule<unknown>) {
  const namespace = createTestNamespace();
  await ensureStreams(nats.jsm, namespace);
  try {
    await publishHires(nats, namespace);
    const started = performance.now();
    const audit = await startSubgraph(module, {
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
    });
    try {
      const em = audit.runtime.orm.em;
      const deadline = started + 900_000;
      // The subgraph's own start (schema, durables) is timed too; the rate is from the first entry.
      let first: { at: number; count: number } | undefined;
      for (let count = 0; count < EVENTS; count = await em.fork().count(AuditEntrySchema, {})) {
        if (performance.now() > deadline) throw new Error('audit did not catch up in 15 minutes');
        if (count > 0) first ??= { at: performance.now(), count };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const ended = performance.now();
      const chain = await verifyChain(em.fork());
      return {
        seconds: (ended - started) / 1000,
        rate: first ? ((EVENTS - first.count) * 1000) / (ended - first.at) : NaN,
        valid: chain.valid,
        checked: chain.checked,
      };
    } finally {
      await audit.stop();
    }
  } finally {
    await deleteStreams(nats.jsm, namespace);
  }
}

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const nats = await connectNats({ servers: TEST_NATS_URL, name: 'bench-audit' });
  try {
    const lines = [`database: ${database}; backlog of ${EVENTS} events`];
    const rates: number[] = [];
    for (const [name, module] of [
      ['in batches', createAudit()],
      ['one at a time', oneAtATime(createAudit())],
    ] as const) {
      const run = await catchUp(nats, module);
      rates.push(run.rate);
      lines.push(
        `${name}: caught up ${run.seconds.toFixed(1)} s after the start, ` +
          `${run.rate.toFixed(0)} entries/s from the first entry; ` +
          `chain ${run.valid ? 'valid' : 'BROKEN'} over ${run.checked} entries`,
      );
    }
    lines.push(`batches / one at a time: ${(rates[0]! / rates[1]!).toFixed(2)}x`);
    console.log(lines.join('\n'));
  } finally {
    await closeNats(nats.nc);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
