import type { EntityManager } from '@mikro-orm/core';
import { closeNats, connectNats } from '../messaging';
import type { SubgraphModule } from '../runtime';
import { createTime } from '../subgraphs/time/src';
import { EmployeeCopySchema } from '../subgraphs/time/src/entities';
import { TEST_NATS_URL } from '../test-support/createTestPlatform';
import { catchUpOnHires, withoutBatchPaths } from './lib/catchUpOnHires';
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

const copiesOf = (em: EntityManager) => em.count(EmployeeCopySchema, {});

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  const nats = await connectNats({ servers: TEST_NATS_URL, name: 'bench-copies' });
  try {
    const lines = [`database: ${database}; time's copy of employees; backlog of ${EVENTS} hires`];
    const rates: number[] = [];
    for (const [name, module] of [
      ['in batches', time()],
      ['one at a time', withoutBatchPaths(time())],
    ] as const) {
      const run = await catchUpOnHires(nats, module, { hires: EVENTS, count: copiesOf });
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
