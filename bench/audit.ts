import type { EntityManager } from '@mikro-orm/core';
import { createAudit, verifyChain } from '../subgraphs/audit/src';
import { AuditEntrySchema } from '../subgraphs/audit/src/entities';
import { catchUpOnHires } from './lib/catchUpOnHires';
import { backlogPaths, batchGainLine } from './lib/backlogPaths';
import { databaseKnob } from './lib/databaseKnob';
import { measureWithNats, runBench } from './lib/runBench';

/**
 * `npm run bench:audit`: how fast the audit log catches up on a backlog. Publishes EVENTS
 * (10000) catalogue-valid `employees.employee.created` events into a fresh namespace, then
 * starts audit on a fresh database and times until every event is an entry of the chain
 * (from the subgraph's start, and the rate from its first entry on); checks the chain. Twice, side by side: with the handler's batch path, and one event at a
 * time (the batch path taken away). Knobs: EVENTS, DATABASE (sqlite, or postgres: a fresh
 * database on TEST_PG_URL), TEST_NATS_URL, PATHS=batch (the batch path alone).
 */
const EVENTS = Number(process.env.EVENTS ?? 10_000);

const entriesOf = (em: EntityManager) => em.count(AuditEntrySchema, {});

async function main(): Promise<void> {
  const database = databaseKnob('sqlite');
  await measureWithNats('bench-audit', async (nats) => {
    const lines = [`database: ${database}; backlog of ${EVENTS} events`];
    const rates: number[] = [];
    for (const [name, module] of backlogPaths(createAudit)) {
      const run = await catchUpOnHires(nats, module, {
        hires: EVENTS,
        count: entriesOf,
        inspect: verifyChain,
      });
      const chain = run.inspected!;
      rates.push(run.rate);
      lines.push(
        `${name}: caught up ${run.seconds.toFixed(1)} s after the start, ` +
          `${run.rate.toFixed(0)} entries/s from the first entry, ` +
          `${run.statementsPerEvent.toFixed(2)} SQL statements per event; ` +
          `chain ${chain.valid ? 'valid' : 'BROKEN'} over ${chain.checked} entries`,
      );
    }
    return [...lines, ...batchGainLine(rates)];
  });
}

runBench(main);
