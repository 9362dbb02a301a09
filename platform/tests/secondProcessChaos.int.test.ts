import { startAllInOneChaosPlatform } from '../../test-support/chaos/allInOneChaosPlatform';
import {
  lossesOf,
  NOTHING_LOST,
  renderTable,
  runChaos,
  type FaultRow,
} from '../../test-support/chaos/runChaos';

// All-in-one with accruals, billing and audit in its second process: that process is
// SIGKILLed under load, the platform starts it again, and every event still lands exactly
// once in effect. The counts read PostgreSQL, so the SQLite project has nothing to run here.
const onPostgres = process.env.TEST_DB === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;

describeOnPostgres('all-in-one when its second process dies under load', () => {
  let row: FaultRow;

  beforeAll(async () => {
    const [consumerKill] = await runChaos({
      eventsPerFault: 150,
      staff: 3,
      // The load and the counts: the time entry's fan-out, and what it needs to be written.
      subgraphs: ['employees', 'agreements', 'time', 'accruals', 'billing', 'audit'],
      // Kills the second process, which holds accruals, and waits for it to come back.
      faults: ['consumer-kill'],
      start: () => startAllInOneChaosPlatform(),
      catchUpTimeoutMs: 240_000,
    });
    row = consumerKill!;
    console.log(renderTable([row]));
  }, 600_000);

  it('loses, doubles and dead-letters nothing', () => {
    expect(row.written).toBeGreaterThanOrEqual(150);
    expect(lossesOf(row)).toEqual(NOTHING_LOST);
  });
});
