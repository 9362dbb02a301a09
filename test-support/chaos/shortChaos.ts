import type { ChaosOptions } from './runChaos';
import { lossesOf, NOTHING_LOST, renderTable, runChaos, type FaultRow } from './runChaos';

/** Events each fault's phase writes in the short runs the Jest suites make. */
const SHORT_EVENTS = 150;

/**
 * The short fault run of a Jest suite (`npm run chaos` is the full one; docs/faults.md): a
 * few staff, and only the consumers the faults strike and the counts read, since the others
 * add only start-up time. Prints the table of the run.
 */
export async function runShortChaos(
  faults: ChaosOptions['faults'],
  start?: ChaosOptions['start'],
): Promise<FaultRow[]> {
  const rows = await runChaos({
    eventsPerFault: SHORT_EVENTS,
    staff: 3,
    subgraphs: ['employees', 'agreements', 'time', 'accruals', 'billing', 'audit'],
    faults,
    ...(start && { start }),
    catchUpTimeoutMs: 240_000,
  });
  console.log(renderTable(rows));
  return rows;
}

/** The load was written in full, and nothing of it was lost, doubled or dead-lettered. */
export function expectNothingLost(row: FaultRow): void {
  expect(row.written).toBeGreaterThanOrEqual(SHORT_EVENTS);
  expect(lossesOf(row)).toEqual(NOTHING_LOST);
}
