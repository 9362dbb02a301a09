import { parseArgs } from 'node:util';
import { SUBGRAPH_NAMES } from '../test-support/chaos/chaosPlatform';
import {
  clean,
  defaultChaosOptions,
  FAULTS,
  renderTable,
  runChaos,
  type FaultName,
} from '../test-support/chaos/runChaos';
import { runBench } from './lib/runBench';

/**
 * `npm run chaos`: the fault suite (docs/faults.md). Prints, per fault, the events written
 * and how many were lost, doubled or dead-lettered; exits 1 unless all of those are 0.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: String(defaultChaosOptions.eventsPerFault) },
      staff: { type: 'string', default: String(defaultChaosOptions.staff) },
      faults: { type: 'string', default: FAULTS.join(',') },
      'nats-outage': { type: 'string', default: String(defaultChaosOptions.natsOutageMs / 1000) },
      subgraphs: { type: 'string', default: SUBGRAPH_NAMES.join(',') },
      short: { type: 'boolean', default: false },
    },
  });
  const faults = values.faults.split(',').map((f) => f.trim());
  const unknown = faults.filter((f) => !(FAULTS as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new Error(`Unknown fault ${unknown.join(', ')}: use ${FAULTS.join(', ')}.`);
  const started = Date.now();
  const rows = await runChaos({
    eventsPerFault: values.short ? 600 : Number(values.events),
    staff: Number(values.staff),
    faults: faults as FaultName[],
    subgraphs: values.subgraphs!.split(',').map((s) => s.trim()),
    natsOutageMs: (values.short ? 5 : Number(values['nats-outage'])) * 1000,
    log: (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`),
  });
  console.log(renderTable(rows));
  console.log(`\nrun time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!clean(rows)) {
    console.log('FAILED: some events were lost, doubled or dead-lettered.');
    process.exitCode = 1;
  }
}

runBench(main);
