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
import { createTime } from '../subgraphs/time/src';
import { EmployeeCopySchema } from '../subgraphs/time/src/entities';
import { TEST_NATS_URL } from '../test-support/createTestPlatform';
import { createdData } from '../test-support/employeeEvents';
import { startSubgraph } from '../test-support/startSubgraph';
import { databaseKnob } from './lib/databaseKnob';

/**
 * `npm run bench:copies`: how fast a subgraph's copy of employees catches up on a backlog,
 * for the kit's copy consumer that time, leave, attendance and compliance share. Publishes
 * EVENTS (10000) `employees.employee.created` events into a fresh namespace, then starts time
 * on a fresh database and times until its copy holds every employee (from the subgraph's
 * start, and the rate from the first copy on). Twice, side by side: with the consumer's batch
 * path, and one event at a time (the batch path taken away). Knobs: EVENTS, DATABASE (sqlite,
 * or postgres: a fresh database on TEST_PG_URL), TEST_NATS_URL.
 */
const EVENTS = Number(process.env.EVENTS ?? 10_000);

/** Time's module; its loaders' type matters to no one here. */
const time = () => createTime() as unknown as SubgraphModule<unknown>;

/** The module without its batch paths: each event goes through `handle` alone. */
function oneAtATime(module: SubgraphModule<unknown>): SubgraphModule<unknown> {
  const eventHandlers = module.eventHandlers?.map((handler) => ({
    ...handler,
    handleBatch: undefined,
  }));
  return { ...module, eventHandlers };
}

/** Hires, published before the subgraph starts, so they wait as a backlog. */
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

/** Seconds from the subgraph's start until its copy holds every hire, and the rate. */
async function catchUp(nats: NatsClients, module: SubgraphModule<unknown>) {
  const namespace = createTestNamespace();
  await ensureStreams(nats.jsm, namespace);
  try {
    await publishHires(nats, namespace);
    const started = performance.now();
    const subgraph = await startSubgraph(module, {
      messaging: { nc: nats.nc, js: nats.js, jsm: nats.jsm, namespace },
    });
    try {
      const em = subgraph.runtime.orm.em;
      const deadline = started + 900_000;
      // The subgraph's own start (schema, durables) is timed too; the rate is from the first copy.
      let first: { at: number; count: number } | undefined;
      for (let count = 0; count < EVENTS; count = await em.fork().count(EmployeeCopySchema, {})) {
        if (performance.now() > deadline)
          throw new Error('the copy did not catch up in 15 minutes');
        if (count > 0) first ??= { at: performance.now(), count };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const ended = performance.now();
      return {
        seconds: (ended - started) / 1000,
        rate: first ? ((EVENTS - first.count) * 1000) / (ended - first.at) : NaN,
      };
    } finally {
      await subgraph.stop();
    }
  } finally {
    await deleteStreams(nats.jsm, namespace);
  }
}

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const nats = await connectNats({ servers: TEST_NATS_URL, name: 'bench-copies' });
  try {
    const lines = [`database: ${database}; time's copy of employees; backlog of ${EVENTS} hires`];
    const rates: number[] = [];
    for (const [name, module] of [
      ['in batches', time()],
      ['one at a time', oneAtATime(time())],
    ] as const) {
      const run = await catchUp(nats, module);
      rates.push(run.rate);
      lines.push(
        `${name}: caught up ${run.seconds.toFixed(1)} s after the start, ` +
          `${run.rate.toFixed(0)} events/s from the first copy`,
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
